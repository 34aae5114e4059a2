package org.shuangsuiji.catalog.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.shuangsuiji.catalog.config.CatalogConfig;
import org.shuangsuiji.catalog.domain.InspectionItem;
import org.shuangsuiji.catalog.domain.ItemStatus;
import org.shuangsuiji.catalog.rest.CreateItemRequest;
import org.shuangsuiji.commons.outbox.Outbox;
import org.shuangsuiji.commons.persistence.UniqueKeys;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;

@ApplicationScoped
public class ItemService {

    private final Outbox outbox;
    private final CatalogConfig config;

    public ItemService(Outbox outbox, CatalogConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public InspectionItem createDraft(CreateItemRequest request, CurrentUser user) {
        user.requireDepartment(request.department());
        if (InspectionItem.count("code", request.code()) > 0) {
            throw ProblemException.conflict("duplicate-code", "an item with code " + request.code() + " already exists");
        }
        InspectionItem item = new InspectionItem();
        item.code = request.code();
        item.version = 1;
        item.name = request.name();
        item.department = request.department();
        item.legalBasis = request.legalBasis();
        item.status = ItemStatus.DRAFT;
        item.createdBy = user.name();
        item.createdAt = now();
        UniqueKeys.persist(item, "duplicate-code", "an item with code " + request.code() + " already exists");
        return item;
    }

    /** Publishes the latest draft of {@code code}; its event carries the whole version for other services. */
    @Transactional
    public InspectionItem publish(String code, CurrentUser user) {
        InspectionItem item = InspectionItem.latest(code);
        if (item == null) {
            throw ProblemException.notFound("item", code);
        }
        user.requireDepartment(item.department);
        if (item.status == ItemStatus.PUBLISHED) {
            throw ProblemException.conflict("already-published", "item " + code + "@" + item.version + " is already published");
        }
        if (item.legalBasis == null || item.legalBasis.isEmpty()) {
            throw ProblemException.rule("basis-required", "legalBasis", "an item without a legal basis cannot be published");
        }
        item.status = ItemStatus.PUBLISHED;
        item.publishedBy = user.name();
        item.publishedAt = now();
        outbox.publish(config.eventsTopic(), item.code, ItemPublished.TYPE, ItemPublished.SCHEMA_VERSION,
                new ItemPublished(item.code, item.version, item.name, item.department, item.legalBasis,
                        item.publishedAt, item.publishedBy));
        return item;
    }

    public InspectionItem get(String code) {
        InspectionItem item = InspectionItem.latest(code);
        if (item == null) {
            throw ProblemException.notFound("item", code);
        }
        return item;
    }

    public Page<InspectionItem> list(PageRequest page) {
        PanacheQuery<InspectionItem> query = InspectionItem.find("ORDER BY code, version").page(page.page(), page.size());
        return new Page<>(query.list(), page.page(), page.size(), query.count());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
