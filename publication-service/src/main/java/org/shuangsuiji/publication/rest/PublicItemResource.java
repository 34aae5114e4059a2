package org.shuangsuiji.publication.rest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.publication.domain.PublicItem;

/** Public, without a token: the published inspection items ("未经公布的，不得实施"). */
@Path("/public/items")
@PermitAll
@Tag(name = "Public lists")
public class PublicItemResource {

    @GET
    @Operation(summary = "Published inspection items, current versions, paged")
    public Page<PublicItemView> list(@Valid @BeanParam PageRequest page) {
        PanacheQuery<PublicItem> query = PublicItem.find("ORDER BY department, code").page(page.page(), page.size());
        return new Page<>(query.list(), page.page(), page.size(), query.count()).map(PublicItemView::of);
    }
}
