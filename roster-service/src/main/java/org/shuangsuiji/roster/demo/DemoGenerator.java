package org.shuangsuiji.roster.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.shuangsuiji.roster.domain.ResidentId;
import org.shuangsuiji.roster.domain.Uscc;

/**
 * Demo directories for the seeds' places, as the CSV files {@code POST /imports/subjects} and
 * {@code POST /imports/inspectors} read. Deterministic: the same count and seed give the same bytes, so loading the
 * demo twice changes nothing. Subjects: valid USCCs, GB/T 4754 industries of the seeds' items (grain purchase,
 * agricultural inputs, water, retail…), a credit-risk mix near A 65% B 25% C 8% D 2%, a few special-pool tags.
 * Inspectors: the departments of the shared vocabulary, with expertise tags matching the demo items.
 *
 * <p>Also a command line, for benchmarks: {@code java -cp roster-service/target/classes
 * org.shuangsuiji.roster.demo.DemoGenerator subjects 1000000 [seed] > subjects.csv}.
 */
public final class DemoGenerator {

    public static final String SUBJECT_HEADER =
            "uscc,name,kind,industryCode,divisionCode,address,status,departments,itemFamilies,riskClass,riskAsOf,riskSource,tags";
    public static final String INSPECTOR_HEADER =
            "department,name,kind,certificateNumber,certificateValidFrom,certificateValidTo,regionDivisionCode,"
                    + "yearlyWorkloadCap,expertise,idNumber,phone";
    public static final String RISK_SOURCE = "山西省市场监管局 2024年度企业信用风险分类";

    /** A place of the seeds: its division, the directories its subjects go to by industry group. */
    record Place(String division, String prefix, String market, String development, String water, String statistics,
            String agriculture, String[] towns) {}

    static final List<Place> PLACES = List.of(
            new Place("140522", "阳城县", "YC-SCJGJ", "YC-FGJ", "YC-SWJ", "YC-TJJ", null,
                    new String[] {"凤城镇", "北留镇", "润城镇", "町店镇", "芹池镇", "次营镇", "横河镇", "河北镇", "蟒河镇", "东冶镇"}),
            new Place("140502", "晋城市城区", "JC-SCJGJ", "JC-FGW", "JC-SLJ", "JC-TJJ", null,
                    new String[] {"东街街道", "西街街道", "南街街道", "北街街道", "矿区街道", "钟家庄街道"}),
            new Place("140981", "原平市", "YP-SCJGJ", null, null, null, null,
                    new String[] {"北城街道", "南城街道", "东社镇", "苏龙口镇", "崞阳镇", "大牛店镇", "闫庄镇"}),
            new Place("140603", "平鲁区", null, null, null, null, "PL-NYNCJ",
                    new String[] {"井坪镇", "凤凰城镇", "白堂乡", "陶村乡", "下木角乡", "向阳堡乡"}));

    /** Industry groups: GB/T 4754-2017 codes, what they are called in names, item family, which directory. */
    record Industry(String code, String business, String family, String directory, int weight) {}

    static final List<Industry> INDUSTRIES = List.of(
            new Industry("F5111", "粮油购销", "粮食流通", "development", 14),
            new Industry("A0113", "玉米种植", "粮食流通", "development", 6),
            new Industry("C1310", "面粉加工", "粮食流通", "development", 5),
            new Industry("F5167", "农资经营", "农药经营", "agriculture", 8),
            new Industry("F5166", "化肥经销", "肥料经营", "agriculture", 6),
            new Industry("F5112", "种业", "种子经营", "agriculture", 6),
            new Industry("F5113", "饲料经销", "饲料经营", "agriculture", 5),
            new Industry("C2750", "兽药", "兽药经营", "agriculture", 3),
            new Industry("D4610", "供水", "取水许可", "water", 4),
            new Industry("B0610", "煤业", "取水许可", "water", 4),
            new Industry("F5221", "粮油店", "计量器具", "market", 12),
            new Industry("F5211", "百货商行", "商标使用", "market", 10),
            new Industry("C3360", "机械制造", "专利标识", "market", 5),
            new Industry("H6210", "饭店", "食品经营", "market", 8),
            new Industry("C3011", "建材", "统计调查", "statistics", 4));

    private static final String[] BRANDS = {"晋丰", "太行", "沁河", "阳泰", "丰裕", "金穗", "华源", "鑫盛", "恒通", "瑞祥",
            "永兴", "宏达", "润田", "绿源", "福康", "兴农", "盛世", "康达", "天成", "聚源", "和顺", "隆昌", "汇丰", "宝山"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "郭", "常", "段", "原", "卫"};
    private static final String[] GIVEN = {"建国", "海军", "丽娟", "志强", "晓东", "玉兰", "国庆", "文斌", "红梅", "永平", "俊峰", "彩霞",
            "建华", "晓燕", "卫东", "鹏", "磊", "静", "敏", "勇"};
    /** Multiplier coprime with 31: spreads consecutive indexes over the organisation-code space without collisions. */
    private static final long SPREAD = 48_271L;
    private static final long SPACE = 852_891_037_441L; // 31^8

    private DemoGenerator() {}

    /** Writes {@code count} subjects as import CSV (UTF-8, header first). */
    public static void subjects(Writer out, int count, long seed) throws IOException {
        out.write(SUBJECT_HEADER);
        out.write('\n');
        SplittableRandom random = new SplittableRandom(seed);
        int totalWeight = INDUSTRIES.stream().mapToInt(Industry::weight).sum();
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < count; i++) {
            Place place = PLACES.get(i % PLACES.size());
            Industry industry = pick(random, totalWeight);
            String directory = directory(place, industry);
            int k = random.nextInt(100);
            char kindCode = k < 78 ? '1' : k < 95 ? '2' : '3';
            String kind = kindCode == '1' ? "ENTERPRISE" : kindCode == '2' ? "INDIVIDUAL" : "COOPERATIVE";
            String uscc = Uscc.of('9', kindCode, place.division(), organisationBody(i, seed));
            String brand = BRANDS[random.nextInt(BRANDS.length)];
            String name = switch (kind) {
                case "INDIVIDUAL" -> place.prefix() + SURNAMES[random.nextInt(SURNAMES.length)] + "记" + industry.business();
                case "COOPERATIVE" -> place.prefix() + brand + industry.business() + "专业合作社";
                default -> place.prefix() + brand + industry.business() + "有限公司";
            };
            String address = "山西省" + place.prefix() + place.towns()[random.nextInt(place.towns().length)]
                    + (1 + random.nextInt(300)) + "号";
            int s = random.nextInt(1000);
            String status = s < 970 ? "ACTIVE" : s < 990 ? "DEREGISTERED" : "REVOKED";
            int r = random.nextInt(100);
            String risk = r < 65 ? "A" : r < 90 ? "B" : r < 98 ? "C" : "D";
            List<String> tags = new ArrayList<>();
            int t = random.nextInt(1000);
            if (t < 30 || (risk.equals("D") && t < 500)) {
                tags.add("COMPLAINTS");
            }
            if (t >= 970 && t < 990) {
                tags.add("ABNORMAL_OPERATION");
            }
            if (t >= 995 || (risk.equals("D") && t < 100)) {
                tags.add("SERIOUS_VIOLATION");
            }
            line.setLength(0);
            line.append(uscc).append(',').append(name).append(',').append(kind).append(',').append(industry.code())
                    .append(',').append(place.division()).append(',').append(address).append(',').append(status)
                    .append(',').append(directory).append(',').append(industry.family()).append(',').append(risk)
                    .append(",2024-06-30,").append(RISK_SOURCE).append(',').append(String.join(";", tags)).append('\n');
            out.write(line.toString());
        }
        out.flush();
    }

    /** Writes the demo inspectors: eight or nine per department of the shared vocabulary, two of them experts. */
    public static void inspectors(Writer out, long seed) throws IOException {
        out.write(INSPECTOR_HEADER);
        out.write('\n');
        SplittableRandom random = new SplittableRandom(seed);
        String[][] departments = {
                {"SX-SCJGJ", "140000", "METROLOGY;TRADEMARK;PATENT;FOOD_SAFETY"},
                {"JC-SCJGJ", "140500", "METROLOGY;TRADEMARK;PATENT;FOOD_SAFETY"},
                {"YC-SCJGJ", "140522", "METROLOGY;TRADEMARK;PATENT;FOOD_SAFETY"},
                {"XZ-SCJGJ", "140900", "METROLOGY;TRADEMARK;FOOD_SAFETY"},
                {"YP-SCJGJ", "140981", "METROLOGY;TRADEMARK;PATENT;FOOD_SAFETY"},
                {"SX-FGW", "140000", "GRAIN;PRICE"},
                {"JC-FGW", "140500", "GRAIN;PRICE"},
                {"YC-FGJ", "140522", "GRAIN;PRICE"},
                {"SX-TJJ", "140000", "STATISTICS"},
                {"JC-TJJ", "140500", "STATISTICS"},
                {"YC-TJJ", "140522", "STATISTICS"},
                {"SX-SLT", "140000", "WATER_RESOURCES"},
                {"JC-SLJ", "140500", "WATER_RESOURCES"},
                {"YC-SWJ", "140522", "WATER_RESOURCES"},
                {"SX-NYNCT", "140000", "PESTICIDE;SEED;FERTILIZER;FEED;VETERINARY_DRUG"},
                {"SZ-NYNCJ", "140600", "PESTICIDE;SEED;FERTILIZER;FEED;VETERINARY_DRUG"},
                {"PL-NYNCJ", "140603", "PESTICIDE;SEED;FERTILIZER;FEED;VETERINARY_DRUG"}};
        for (int d = 0; d < departments.length; d++) {
            String code = departments[d][0];
            String division = departments[d][1];
            String[] skills = departments[d][2].split(";");
            int people = 8 + (d % 2);
            for (int p = 0; p < people; p++) {
                boolean expert = p >= people - 2;
                String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
                List<String> expertise = new ArrayList<>();
                expertise.add(skills[p % skills.length]);
                if (skills.length > 1 && random.nextInt(2) == 0) {
                    String second = skills[(p + 1) % skills.length];
                    if (!expertise.contains(second)) {
                        expertise.add(second);
                    }
                }
                String idNumber = ResidentId.complete(division + String.format("%04d%02d%02d", 1965 + random.nextInt(35),
                        1 + random.nextInt(12), 1 + random.nextInt(28)) + String.format("%03d", d * 10 + p));
                String certificate = expert ? "" : division + String.format("%02d%04d", d, p + 1);
                String from = expert ? "" : "2023-01-01";
                String to = expert ? "" : "2028-12-31";
                out.write(String.join(",", code, name, expert ? "EXPERT" : "OFFICER", certificate, from, to, division,
                        String.valueOf(expert ? 12 : 40 + 10 * random.nextInt(3)), String.join(";", expertise), idNumber,
                        "139" + String.format("%08d", random.nextInt(100_000_000))));
                out.write('\n');
            }
        }
        out.flush();
    }

    private static Industry pick(SplittableRandom random, int totalWeight) {
        int w = random.nextInt(totalWeight);
        for (Industry industry : INDUSTRIES) {
            w -= industry.weight();
            if (w < 0) {
                return industry;
            }
        }
        return INDUSTRIES.get(0);
    }

    /** The department directory a subject of this place and industry goes to; the market regulator by default. */
    private static String directory(Place place, Industry industry) {
        String d = switch (industry.directory()) {
            case "development" -> place.development();
            case "water" -> place.water();
            case "statistics" -> place.statistics();
            case "agriculture" -> place.agriculture();
            default -> place.market();
        };
        if (d != null) {
            return d;
        }
        return place.market() != null ? place.market() : place.agriculture();
    }

    /** A distinct 8-character GB 11714 body per index (and seed), drawn from the USCC alphabet. */
    static String organisationBody(long index, long seed) {
        long v = Math.floorMod(index * SPREAD + seed * 7_919L, SPACE);
        char[] body = new char[8];
        for (int i = 7; i >= 0; i--) {
            body[i] = Uscc.ALPHABET.charAt((int) (v % 31));
            v /= 31;
        }
        return new String(body);
    }

    public static void main(String[] args) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2024L;
        if (args.length >= 2 && args[0].equals("subjects")) {
            subjects(out, Integer.parseInt(args[1]), seed);
        } else if (args.length >= 1 && args[0].equals("inspectors")) {
            inspectors(out, args.length > 1 ? Long.parseLong(args[1]) : 2024L);
        } else {
            System.err.println("usage: DemoGenerator subjects COUNT [SEED] | inspectors [SEED]");
            System.exit(2);
        }
        out.flush();
    }
}
