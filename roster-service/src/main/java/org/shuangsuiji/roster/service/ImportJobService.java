package org.shuangsuiji.roster.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.shuangsuiji.commons.paging.Page;
import org.shuangsuiji.commons.paging.PageRequest;
import org.shuangsuiji.commons.problem.ProblemException;
import org.shuangsuiji.commons.security.CurrentUser;
import org.shuangsuiji.roster.config.RosterConfig;
import org.shuangsuiji.roster.domain.Department;
import org.shuangsuiji.roster.importing.InspectorRow;
import org.shuangsuiji.roster.importing.RowErrors;
import org.shuangsuiji.roster.importing.SubjectRow;
import org.shuangsuiji.roster.importing.TabularFile;

/**
 * Bulk import jobs. The replica that receives a file keeps it in a temporary file, records the job (state in the
 * database, so every replica answers for it) and runs one job at a time, one chunk of rows per transaction: a reader
 * thread parses and validates, and {@code roster.imports.store-workers} store workers store chunks in parallel, each
 * in its own transaction, after taking turns in file order to remove the chunk's duplicates (subjects). Each chunk's rows, history, events, errors and
 * counters commit together, progress is visible as it goes, and a re-run of the same file changes nothing. A chunk
 * that fails fails the job; chunks already stored by then stay (possibly a later one stored in parallel: sending
 * the file again completes it). If that replica stops, its heartbeat stops, and any replica marks the job FAILED
 * after {@code roster.imports.stale-after}: the file is simply sent again (imports are idempotent).
 */
@ApplicationScoped
public class ImportJobService {

    private static final Logger LOG = Logger.getLogger(ImportJobService.class);

    public enum Kind { SUBJECTS, INSPECTORS }

    public record JobState(UUID id, Kind kind, TabularFile.Format format, String fileName, long sizeBytes, String sha256,
            String state, long rowsRead, long rowsCreated, long rowsChanged, long rowsUnchanged, long rowsRejected,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
            String failure) {}

    public record ErrorEntry(long row, String field, String reason) {}

    /** Rows per subject chunk and store workers of a subject import. */
    public record Tuning(int chunkSize, int storeWorkers) {}

    private final AgroalDataSource dataSource;
    private final SubjectImporter subjects;
    private final InspectorImporter inspectors;
    private final RosterConfig config;
    private final String instance = UUID.randomUUID().toString();
    private volatile Tuning tuning;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "roster-import");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "roster-import-reader");
        t.setDaemon(true);
        return t;
    });

    public ImportJobService(AgroalDataSource dataSource, SubjectImporter subjects, InspectorImporter inspectors,
            RosterConfig config) {
        this.dataSource = dataSource;
        this.subjects = subjects;
        this.inspectors = inspectors;
        this.config = config;
        this.tuning = new Tuning(config.imports().chunkSize(), config.imports().storeWorkers());
    }

    /**
     * Sets the chunk size and store workers of the jobs that start from now on (the configuration's until then) and
     * answers the previous ones: tests compare one worker with several on files of many small chunks.
     */
    public Tuning tuning() {
        return tuning;
    }

    public Tuning tune(Tuning next) {
        Tuning previous = tuning;
        tuning = next;
        return previous;
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
        reader.shutdownNow();
    }

    /**
     * Checks the file's header and encoding now (a 400 names what is wrong), records the job and queues it. Takes
     * ownership of {@code file}: it is deleted when the job ends.
     */
    public JobState submit(Kind kind, TabularFile.Format format, Path file, String contentType, String fileName,
            long size, String sha256, CurrentUser user) throws IOException {
        try {
            open(kind, format, file, contentType).close(); // header, columns, encoding: refused before anything is queued
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO import_job (id, kind, format, file_name, size_bytes, sha256, state, owner, created_by,
                                                created_at, heartbeat_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?)""")) {
            ps.setObject(1, id);
            ps.setString(2, kind.name());
            ps.setString(3, format.name());
            ps.setString(4, fileName);
            ps.setLong(5, size);
            ps.setString(6, sha256);
            ps.setString(7, instance);
            ps.setString(8, user.name());
            ps.setTimestamp(9, Timestamp.from(now.toInstant()));
            ps.setTimestamp(10, Timestamp.from(now.toInstant()));
            ps.executeUpdate();
        } catch (SQLException e) {
            Files.deleteIfExists(file);
            throw new IllegalStateException("cannot record the import job", e);
        }
        String userName = user.name();
        worker.submit(() -> run(id, kind, format, file, contentType, userName));
        return get(id);
    }

    private TabularFile open(Kind kind, TabularFile.Format format, Path file, String contentType) throws IOException {
        return kind == Kind.SUBJECTS
                ? TabularFile.open(file, format, contentType, SubjectRow.REQUIRED, SubjectRow.OPTIONAL, SubjectRow.DATES)
                : TabularFile.open(file, format, contentType, InspectorRow.REQUIRED, InspectorRow.OPTIONAL, InspectorRow.DATES);
    }

    private void run(UUID id, Kind kind, TabularFile.Format format, Path file, String contentType, String user) {
        Tuning tuning = this.tuning;
        try {
            update("UPDATE import_job SET state = 'RUNNING', started_at = now(), heartbeat_at = now() WHERE id = ?"
                    + " AND state = 'QUEUED'", id);
            Set<String> departments = new HashSet<>();
            QuarkusTransaction.requiringNew().run(() -> Department.<Department>listAll().forEach(d -> departments.add(d.code)));
            if (kind == Kind.SUBJECTS) {
                subjects.prepare(id);
            }
            CurrentUser importer = ImportUser.of(user);
            Set<String> seenInspectors = new HashSet<>();
            SubjectImporter.Timings timings = new SubjectImporter.Timings();
            long readNanos = 0;
            AtomicLong commitNanos = new AtomicLong();
            long started = System.nanoTime();
            int chunkSize = kind == Kind.SUBJECTS ? tuning.chunkSize() : 200;
            // inspectors: one chunk at a time (their duplicates are tracked in memory by the storing thread)
            int workers = kind == Kind.SUBJECTS ? tuning.storeWorkers() : 1;
            ExecutorService store = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "roster-import-store");
                t.setDaemon(true);
                return t;
            });
            Semaphore free = new Semaphore(workers);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Future<?>> stored = new ArrayList<>();
            try (TabularFile table = open(kind, format, file, contentType)) {
                // The reader thread parses and validates chunk N+1 while up to `workers` store workers store earlier
                // chunks, each in its own transaction. The workers take turns in file order (each waits for the one
                // before) only to remove the chunk's duplicates, so the first occurrence in the file wins. At most
                // workers + 2 chunks are ever in memory.
                Future<Chunk> next = reader.submit(() -> read(table, kind, departments, chunkSize));
                CompletableFuture<Void> turn = CompletableFuture.completedFuture(null);
                try {
                    boolean more = true;
                    while (more && failure.get() == null) {
                        long waitStart = System.nanoTime();
                        Chunk chunk = take(next);
                        readNanos += System.nanoTime() - waitStart;
                        more = chunk.more();
                        next = more ? reader.submit(() -> read(table, kind, departments, chunkSize)) : null;
                        free.acquire();
                        if (failure.get() != null) {
                            free.release();
                            break;
                        }
                        CompletableFuture<Void> previous = turn;
                        CompletableFuture<Void> mine = new CompletableFuture<>();
                        turn = mine;
                        stored.add(store.submit(() -> {
                            try {
                                storeChunk(id, kind, chunk, user, importer, seenInspectors, timings, commitNanos,
                                        previous, mine, failure);
                            } catch (Throwable e) {
                                failure.compareAndSet(null, e);
                            } finally {
                                mine.complete(null);
                                free.release();
                            }
                        }));
                    }
                } finally {
                    for (Future<?> f : stored) { // every transaction has ended before the job's state is written
                        try {
                            f.get();
                        } catch (ExecutionException ignored) {
                            // recorded in failure
                        }
                    }
                    if (next != null) { // a chunk failed: the reader must be done with the file before it closes
                        try {
                            next.get();
                        } catch (ExecutionException | RuntimeException ignored) {
                            // the job already failed for the first error
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            } finally {
                store.shutdownNow();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            update("UPDATE import_job SET state = 'SUCCEEDED', finished_at = now(), heartbeat_at = now() WHERE id = ?", id);
            LOG.infof("import %s (%s) done in %.1f s with %d store workers: waiting for read and validate %.1f s, %s,"
                    + " commit %.1f s (phases summed over the workers)", id, kind, (System.nanoTime() - started) / 1e9,
                    workers, readNanos / 1e9, timings, commitNanos.get() / 1e9);
        } catch (Throwable e) {
            LOG.errorf(e, "import %s failed", id);
            String reason = e instanceof ProblemException p ? p.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            try {
                update("UPDATE import_job SET state = 'FAILED', finished_at = now(), failure = ? WHERE id = ?", reason, id);
            } catch (RuntimeException ignored) {
                LOG.errorf(ignored, "cannot record the failure of import %s", id);
            }
        } finally {
            try {
                Files.deleteIfExists(file);
                if (kind == Kind.SUBJECTS) {
                    subjects.cleanUp(id);
                }
            } catch (IOException | SQLException e) {
                LOG.warnf(e, "cannot clean up after import %s", id);
            }
        }
    }

    /**
     * One chunk in its own transaction, on a store worker: its rows, history, events, errors and the job's counters
     * commit together. Counters are added in the database (the job's row is locked until commit), so parallel
     * chunks never lose an update and the counters only grow.
     */
    private void storeChunk(UUID id, Kind kind, Chunk chunk, String user, CurrentUser importer, Set<String> seenInspectors,
            SubjectImporter.Timings timings, AtomicLong commitNanos, CompletableFuture<Void> previous,
            CompletableFuture<Void> mine, AtomicReference<Throwable> failure) throws Exception {
        SubjectImporter.Staged staged = null;
        try {
            previous.get(); // duplicates in file order: after the chunk before has recorded its first occurrences
            if (failure.get() != null) {
                return;
            }
            if (kind == Kind.SUBJECTS) {
                staged = subjects.stage(id, chunk.subjects());
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e); // before the next chunk's turn
            throw e;
        } finally {
            mine.complete(null);
        }
        SubjectImporter.Staged rows = staged;
        long txStart = System.nanoTime();
        long[] inside = {0};
        SubjectImporter.Timings times = new SubjectImporter.Timings();
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            SubjectImporter.ChunkResult result;
            try {
                result = kind == Kind.SUBJECTS ? subjects.store(id, rows, user, times)
                        : inspectors.store(chunk.inspectors(), seenInspectors, importer);
            } catch (SQLException | IOException e) {
                throw new IllegalStateException(e);
            }
            List<RowErrors.Error> all = new ArrayList<>(chunk.rejected());
            all.addAll(result.errors());
            progress(id, chunk.read(), result, rowsWithErrors(all), all);
            inside[0] = System.nanoTime() - txStart;
        });
        commitNanos.addAndGet(System.nanoTime() - txStart - inside[0]);
        timings.add(times);
    }

    /** Rows of one transaction, read and validated ahead on the reader thread. */
    private record Chunk(int read, boolean more, List<SubjectRow> subjects, List<InspectorRow> inspectors,
            List<RowErrors.Error> rejected) {}

    private static Chunk read(TabularFile table, Kind kind, Set<String> departments, int chunkSize) throws IOException {
        List<SubjectRow> subjectRows = new ArrayList<>();
        List<InspectorRow> inspectorRows = new ArrayList<>();
        List<RowErrors.Error> rejected = new ArrayList<>();
        int read = 0;
        boolean more = true;
        while (read < chunkSize) {
            TabularFile.Row r = table.next();
            if (r == null) {
                more = false;
                break;
            }
            read++;
            RowErrors errors = new RowErrors(r.row());
            if (kind == Kind.SUBJECTS) {
                SubjectRow row = SubjectRow.parse(r, departments, errors);
                if (row != null) {
                    subjectRows.add(row);
                }
            } else {
                InspectorRow row = InspectorRow.parse(r, departments, errors);
                if (row != null) {
                    inspectorRows.add(row);
                }
            }
            rejected.addAll(errors.errors());
        }
        return new Chunk(read, more, subjectRows, inspectorRows,
                rejected);
    }

    private static Chunk take(Future<Chunk> chunk) throws Exception {
        try {
            return chunk.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static long rowsWithErrors(List<RowErrors.Error> errors) {
        return errors.stream().mapToLong(RowErrors.Error::row).distinct().count();
    }

    private void progress(UUID id, int read, SubjectImporter.ChunkResult result, long rejected, List<RowErrors.Error> errors) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE import_job SET rows_read = rows_read + ?, rows_created = rows_created + ?,
                        rows_changed = rows_changed + ?, rows_unchanged = rows_unchanged + ?,
                        rows_rejected = rows_rejected + ?, heartbeat_at = now()
                    WHERE id = ?""")) {
                ps.setLong(1, read);
                ps.setLong(2, result.created());
                ps.setLong(3, result.changed());
                ps.setLong(4, result.unchanged());
                ps.setLong(5, rejected);
                ps.setObject(6, id);
                ps.executeUpdate();
            }
            // jobs queued behind this one on the same replica are alive too
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE import_job SET heartbeat_at = now() WHERE owner = ? AND state = 'QUEUED'")) {
                ps.setString(1, instance);
                ps.executeUpdate();
            }
            if (!errors.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO import_error (job_id, row_number, field, reason) VALUES (?, ?, ?, ?)")) {
                    for (RowErrors.Error e : errors) {
                        ps.setObject(1, id);
                        ps.setLong(2, e.row());
                        ps.setString(3, e.field());
                        ps.setString(4, e.reason());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record import progress", e);
        }
    }

    /** Any replica: jobs whose owner stopped sending heartbeats are failed, so nobody waits for them forever. */
    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void failAbandoned() {
        update("""
                UPDATE import_job SET state = 'FAILED', finished_at = now(),
                    failure = 'the replica running this import stopped; send the file again (imports are idempotent)'
                WHERE state IN ('QUEUED', 'RUNNING') AND heartbeat_at < now() - make_interval(secs => ?)""",
                config.imports().staleAfter().toSeconds());
    }

    public JobState get(UUID id) {
        List<JobState> jobs = query("SELECT * FROM import_job WHERE id = ?", List.of(id));
        if (jobs.isEmpty()) {
            throw ProblemException.notFound("import", id.toString());
        }
        return jobs.get(0);
    }

    public Page<JobState> list(PageRequest page) {
        List<JobState> jobs = query("SELECT * FROM import_job ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                List.of(page.size(), page.offset()));
        return new Page<>(jobs, page.page(), page.size(), count("SELECT count(*) FROM import_job", List.of()));
    }

    public Page<ErrorEntry> errors(UUID id, PageRequest page) {
        get(id);
        List<ErrorEntry> errors = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT row_number, field, reason FROM import_error WHERE job_id = ?
                        ORDER BY row_number, id LIMIT ? OFFSET ?""")) {
            ps.setObject(1, id);
            ps.setInt(2, page.size());
            ps.setInt(3, page.offset());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    errors.add(new ErrorEntry(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Page<>(errors, page.page(), page.size(),
                count("SELECT count(*) FROM import_error WHERE job_id = ?", List.of(id)));
    }

    private List<JobState> query(String sql, List<Object> params) {
        List<JobState> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new JobState((UUID) rs.getObject("id"), Kind.valueOf(rs.getString("kind")),
                            TabularFile.Format.valueOf(rs.getString("format")), rs.getString("file_name"),
                            rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("state"),
                            rs.getLong("rows_read"), rs.getLong("rows_created"), rs.getLong("rows_changed"),
                            rs.getLong("rows_unchanged"), rs.getLong("rows_rejected"), rs.getString("created_by"),
                            utc(rs.getTimestamp("created_at")), utc(rs.getTimestamp("started_at")),
                            utc(rs.getTimestamp("finished_at")), rs.getString("failure")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private long count(String sql, List<Object> params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Timestamp t) {
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }
}
