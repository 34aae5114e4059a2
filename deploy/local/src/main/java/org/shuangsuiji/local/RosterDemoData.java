package org.shuangsuiji.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two directories (两库) of the seeds' places: every department of the shared vocabulary, then a few thousand
 * generated subjects of 晋城, 阳城, 原平 and 平鲁 and about 150 inspectors, sent through roster-service's bulk import
 * like any administrator would. The files come from roster-service's own demo generator (GET /demo/…) and are the
 * same at every run, so a second load changes nothing (409 for known departments, imports that change no row).
 */
public final class RosterDemoData implements DemoData {

    public static final int SUBJECTS = 3000;

    /** code, name, level, division, parent — parents first. */
    static final String[][] DEPARTMENTS = {
            {"SX-SCJGJ", "山西省市场监督管理局", "PROVINCE", "140000", null},
            {"JC-SCJGJ", "晋城市市场监督管理局", "CITY", "140500", "SX-SCJGJ"},
            {"YC-SCJGJ", "阳城县市场监督管理局", "COUNTY", "140522", "JC-SCJGJ"},
            {"XZ-SCJGJ", "忻州市市场监督管理局", "CITY", "140900", "SX-SCJGJ"},
            {"YP-SCJGJ", "原平市市场监督管理局", "COUNTY", "140981", "XZ-SCJGJ"},
            {"SX-FGW", "山西省发展和改革委员会", "PROVINCE", "140000", null},
            {"JC-FGW", "晋城市发展和改革委员会", "CITY", "140500", "SX-FGW"},
            {"YC-FGJ", "阳城县发展和改革局", "COUNTY", "140522", "JC-FGW"},
            {"SX-TJJ", "山西省统计局", "PROVINCE", "140000", null},
            {"JC-TJJ", "晋城市统计局", "CITY", "140500", "SX-TJJ"},
            {"YC-TJJ", "阳城县统计局", "COUNTY", "140522", "JC-TJJ"},
            {"SX-SLT", "山西省水利厅", "PROVINCE", "140000", null},
            {"JC-SLJ", "晋城市水务局", "CITY", "140500", "SX-SLT"},
            {"YC-SWJ", "阳城县水务局", "COUNTY", "140522", "JC-SLJ"},
            {"SX-NYNCT", "山西省农业农村厅", "PROVINCE", "140000", null},
            {"SZ-NYNCJ", "朔州市农业农村局", "CITY", "140600", "SX-NYNCT"},
            {"PL-NYNCJ", "平鲁区农业农村局", "COUNTY", "140603", "SZ-NYNCJ"}};

    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public String name() {
        return "roster (" + DEPARTMENTS.length + " departments, " + SUBJECTS + " subjects, ~150 inspectors, imported)";
    }

    @Override
    public void load(Context context) {
        String admin = context.tokens().forDemoUser("admin");
        for (String[] d : DEPARTMENTS) {
            String json = "{\"code\":\"%s\",\"name\":\"%s\",\"level\":\"%s\",\"divisionCode\":\"%s\",\"parentCode\":%s}"
                    .formatted(d[0], d[1], d[2], d[3], d[4] == null ? "null" : "\"" + d[4] + "\"");
            Http.Response r = context.http().postJson(context.url("roster-service", "/departments"), admin, json);
            if (r.status() != 201 && r.status() != 409) { // 409: registered by an earlier run
                throw new IllegalStateException("POST /departments " + d[0] + " answered " + r.status() + ": " + r.body());
            }
        }
        importFile(context, admin, "/demo/subjects.csv?count=" + SUBJECTS, "/imports/subjects");
        importFile(context, admin, "/demo/inspectors.csv", "/imports/inspectors");
    }

    private void importFile(Context context, String token, String demoPath, String importPath) {
        HttpResponse<String> csv = send(HttpRequest.newBuilder(URI.create(context.url("roster-service", demoPath)))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).header("Accept", "text/csv")
                .GET().build());
        if (csv.statusCode() != 200) {
            throw new IllegalStateException("GET " + demoPath + " answered " + csv.statusCode() + ": " + csv.body());
        }
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(context.url("roster-service", importPath)))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv; charset=UTF-8").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(csv.body())).build());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("POST " + importPath + " answered " + accepted.statusCode() + ": " + accepted.body());
        }
        Matcher id = ID.matcher(accepted.body());
        if (!id.find()) {
            throw new IllegalStateException("POST " + importPath + " answered without a job id: " + accepted.body());
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            Http.Response job = context.http().get(context.url("roster-service", "/imports/" + id.group(1)), token);
            Matcher state = STATE.matcher(job.body());
            if (job.status() == 200 && state.find()) {
                if (state.group(1).equals("SUCCEEDED")) {
                    return;
                }
                if (state.group(1).equals("FAILED")) {
                    throw new IllegalStateException("import " + id.group(1) + " failed: " + job.body());
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("import " + id.group(1) + " did not finish within 5 minutes");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
