package org.shuangsuiji.roster.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.commons.security.Roles;
import org.shuangsuiji.roster.importing.TabularFile;
import org.shuangsuiji.roster.service.ImportJobService;
import org.shuangsuiji.roster.service.ImportJobService.JobState;
import org.shuangsuiji.roster.service.ImportJobService.Kind;

/**
 * Bulk imports of subjects and inspectors from CSV or XLSX: the file is streamed to disk (never held in memory), its
 * header and encoding are checked at once (400 naming the problem), then a job runs it and answers for its progress
 * and per-row errors. Multipart ({@code file} part) or the raw body (text/csv, XLSX, octet-stream).
 */
@Path("/imports")
@Tag(name = "Bulk imports")
public class ImportResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportJobService jobs;
    private final CurrentUser user;

    public ImportResource(ImportJobService jobs, CurrentUser user) {
        this.jobs = jobs;
        this.user = user;
    }

    @POST
    @Path("/{kind}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Import subjects or inspectors from the multipart part 'file' (CSV or XLSX); 202 with the job")
    public Response multipart(@PathParam("kind") String kind, @RestForm("file") FileUpload file, UriInfo uri)
            throws IOException {
        if (file == null) {
            throw ProblemException.invalid("file", "is required: a multipart part named 'file'");
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return accept(kind, in, file.contentType(), file.fileName(), uri);
        }
    }

    @POST
    @Path("/{kind}")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Import subjects or inspectors from the raw body (CSV, charset UTF-8 or GBK, or XLSX); 202 with the job")
    public Response raw(@PathParam("kind") String kind, @QueryParam("fileName") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body, UriInfo uri) throws IOException {
        return accept(kind, body, contentType, fileName, uri);
    }

    @GET
    @Path("/{id: [0-9a-fA-F-]{36}}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Progress of an import: rows read, created, changed, unchanged, rejected, and its state")
    public JobState get(@PathParam("id") String id) {
        return jobs.get(InspectorResource.uuid(id, "import"));
    }

    @GET
    @Path("/{id: [0-9a-fA-F-]{36}}/errors")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.AUDITOR})
    @Operation(summary = "The per-row error report of an import (row number, field, reason), by row, paged")
    public Page<ImportJobService.ErrorEntry> errors(@PathParam("id") String id, @Valid @BeanParam PageRequest page) {
        return jobs.errors(InspectorResource.uuid(id, "import"), page);
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Import jobs, newest first, paged")
    public Page<JobState> list(@Valid @BeanParam PageRequest page) {
        return jobs.list(page);
    }

    private Response accept(String kind, InputStream body, String contentType, String fileName, UriInfo uri)
            throws IOException {
        Kind k = switch (kind) {
            case "subjects" -> Kind.SUBJECTS;
            case "inspectors" -> Kind.INSPECTORS;
            default -> throw ProblemException.notFound("import kind", kind + " (subjects or inspectors)");
        };
        java.nio.file.Path file = Files.createTempFile("roster-import-", ".upload");
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size;
        byte[] head = new byte[4];
        int headLength = 0;
        try (InputStream in = new DigestInputStream(body, sha256); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[256 * 1024];
            size = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (headLength < 4) {
                    int take = Math.min(4 - headLength, n);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                out.write(buffer, 0, n);
                size += n;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (size == 0) {
            Files.deleteIfExists(file);
            throw ProblemException.invalid("file", "is empty");
        }
        // XLSX is a ZIP archive ("PK\3\4"); anything else is read as CSV text
        boolean zip = headLength == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        TabularFile.Format format = zip ? TabularFile.Format.XLSX : TabularFile.Format.CSV;
        JobState job = jobs.submit(k, format, file, contentType, fileName, size, HexFormat.of().formatHex(sha256.digest()), user);
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("imports").path(job.id().toString()).build()).build();
    }
}
