package org.shuangsuiji.catalog.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shuangsuiji.catalog.domain.IndustryScenario;
import org.shuangsuiji.catalog.domain.InspectionItem;
import org.shuangsuiji.catalog.domain.LifecycleStatus;
import org.shuangsuiji.catalog.domain.RuleSet;
import org.shuangsuiji.catalog.service.DepartmentDirectory;
import org.shuangsuiji.catalog.service.Handbook;
import org.shuangsuiji.catalog.service.ItemService;
import org.shuangsuiji.catalog.service.PublicListService;
import org.shuangsuiji.catalog.service.ScenarioService;
import org.shuangsuiji.catalog.service.Tables;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.problem.ProblemException;

/** What anyone may read without a token (一公开): published lists, scenarios, handbooks and rules. */
@Path("/public")
@PermitAll
@Tag(name = "Public lists (一公开, no token)")
public class PublicResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv; charset=UTF-8";

    private final PublicListService lists;
    private final DepartmentDirectory departments;
    private final ItemService items;
    private final ScenarioService scenarios;

    public PublicResource(PublicListService lists, DepartmentDirectory departments, ItemService items,
            ScenarioService scenarios) {
        this.lists = lists;
        this.departments = departments;
        this.items = items;
        this.scenarios = scenarios;
    }

    @GET
    @Path("/items")
    @Operation(summary = "Published items (随机抽查事项清单) of a department and/or region (division code or prefix, e.g. "
            + "140522, 1405 or 140500); format=json (paged), csv or xlsx (whole list, columns 序号/抽查类别/抽查事项/检查对象/"
            + "事项类别/检查方式/检查主体/检查依据)")
    public Response items(@QueryParam("department") String department, @QueryParam("division") String division,
            @QueryParam("format") @DefaultValue("json") ListFormat format, @Valid @BeanParam PageRequest page) {
        List<PublicListService.ItemRow> rows = lists.items(department, division);
        return deliver(format, rows, page, Tables.ITEM_COLUMNS, PublicListService.ItemRow::cells, "随机抽查事项清单",
                "inspection-items");
    }

    @GET
    @Path("/items/{ref}")
    @Operation(summary = "The published version of an item, or any version that was once published (code@version)")
    public ItemView item(@PathParam("ref") String ref) {
        InspectionItem item = ref.contains("@") ? items.get(ref) : InspectionItem.published(ref);
        if (item == null || item.status.isOpen()) {
            throw ProblemException.notFound("published item", ref);
        }
        return ItemView.of(item);
    }

    @GET
    @Path("/joint-items")
    @Operation(summary = "The joint list (部门联合抽查事项清单) of published scenarios a department or region leads or joins; "
            + "format=json (paged), csv or xlsx (columns 序号/抽查领域/抽查事项/检查对象/发起部门/配合部门)")
    public Response joint(@QueryParam("department") String department, @QueryParam("division") String division,
            @QueryParam("format") @DefaultValue("json") ListFormat format, @Valid @BeanParam PageRequest page) {
        List<PublicListService.JointRow> rows = lists.joint(department, division);
        return deliver(format, rows, page, Tables.JOINT_COLUMNS, PublicListService.JointRow::cells, "部门联合抽查事项清单",
                "joint-items");
    }

    @GET
    @Path("/scenarios")
    @Operation(summary = "Published scenarios (一业一查), optionally those a department leads or joins, paged")
    public Page<ScenarioView> scenarios(@QueryParam("department") String department, @Valid @BeanParam PageRequest page) {
        return slice(scenarios.published(department).stream().map(ScenarioView::of).toList(), page);
    }

    @GET
    @Path("/scenarios/{code}/handbook")
    @Operation(summary = "The compliance handbook (合规手册) of a published scenario: format=md (default), html or json")
    public Response handbook(@PathParam("code") String code,
            @QueryParam("format") @DefaultValue("md") HandbookFormat format) {
        IndustryScenario s = IndustryScenario.published(code);
        if (s == null) {
            throw ProblemException.notFound("published scenario", code);
        }
        var checklist = scenarios.checklist(s);
        return switch (format) {
            case md -> Response.ok(Handbook.markdown(checklist), "text/markdown; charset=UTF-8").build();
            case html -> Response.ok(Handbook.html(checklist), "text/html; charset=UTF-8").build();
            case json -> Response.ok(checklist, "application/json").build();
        };
    }

    @GET
    @Path("/rules")
    @Operation(summary = "Published implementation rules (细则), optionally of one department, paged")
    public Page<RuleSetView> rules(@QueryParam("department") String department, @Valid @BeanParam PageRequest page) {
        List<RuleSet> published = department == null || department.isBlank()
                ? RuleSet.list("status = ?1 ORDER BY ruleKey", LifecycleStatus.PUBLISHED)
                : RuleSet.list("status = ?1 AND department = ?2 ORDER BY ruleKey", LifecycleStatus.PUBLISHED, department);
        return slice(published.stream().map(RuleSetView::of).toList(), page);
    }

    @GET
    @Path("/departments")
    @Operation(summary = "The departments this service knows from roster-service, by code, paged")
    public Page<DepartmentView> departments(@Valid @BeanParam PageRequest page) {
        return slice(departments.all().stream().map(DepartmentView::of).toList(), page);
    }

    @GET
    @Path("/departments/{code}")
    @Operation(summary = "One known department (404 until roster-service's registration event has been consumed)")
    public DepartmentView department(@PathParam("code") String code) {
        var d = departments.find(code);
        if (d == null) {
            throw ProblemException.notFound("department", code);
        }
        return DepartmentView.of(d);
    }

    private static <T> Response deliver(ListFormat format, List<T> rows, PageRequest page, List<String> header,
            Function<T, List<String>> cells, String sheet, String file) {
        return switch (format) {
            case json -> Response.ok(slice(rows, page), "application/json").build();
            case csv -> download((StreamingOutput) out -> Tables.csv(out, header, rows.stream().map(cells).toList()),
                    CSV, sheet, file + ".csv");
            case xlsx -> download((StreamingOutput) out -> Tables.xlsx(out, sheet, header, rows.stream().map(cells).toList()),
                    XLSX, sheet, file + ".xlsx");
        };
    }

    private static Response download(StreamingOutput body, String type, String title, String file) {
        String extension = file.substring(file.lastIndexOf('.'));
        String utf8 = URLEncoder.encode(title + extension, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"; filename*=UTF-8''" + utf8)
                .build();
    }

    static <T> Page<T> slice(List<T> all, PageRequest page) {
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(from + page.size(), all.size());
        return new Page<>(all.subList(from, to), page.page(), page.size(), all.size());
    }
}
