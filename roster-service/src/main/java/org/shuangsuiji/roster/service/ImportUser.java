package org.shuangsuiji.roster.service;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;

/** The import thread acts for the platform-admin who sent the file (only they may import), outside any request. */
final class ImportUser {

    private ImportUser() {}

    static CurrentUser of(String name) {
        return new CurrentUser(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name))
                .addRole(Roles.PLATFORM_ADMIN).build());
    }
}
