package org.shuangsuiji.commons.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.security.CurrentUser;

/** Lets a front end or an integrating system see how a service reads its token: user, roles, department scope. */
@Path("/me")
@Authenticated
@Tag(name = "Identity")
public class MeResource {

    private final CurrentUser user;

    public MeResource(CurrentUser user) {
        this.user = user;
    }

    @GET
    @Operation(summary = "The caller as this service sees them: name, roles, department and division claims")
    public Me me() {
        return new Me(user.name(), new TreeSet<>(user.roles()), user.department(), user.division());
    }

    public record Me(String name, Set<String> roles, String department, String division) {}
}
