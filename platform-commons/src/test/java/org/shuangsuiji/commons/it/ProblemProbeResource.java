package org.shuangsuiji.commons.it;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** A public endpoint of the test application with an enum parameter, to probe the shared error handling. */
@Path("/public/probe")
@PermitAll
public class ProblemProbeResource {

    public enum Colour { RED, GREEN }

    @GET
    public String probe(@QueryParam("colour") Colour colour) {
        return colour == null ? "none" : colour.name();
    }
}
