package org.shuangsuiji.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.shuangsuiji.draw.algorithm.record.Announcement;
import org.shuangsuiji.draw.algorithm.record.CanonicalJson;
import org.shuangsuiji.draw.algorithm.record.DrawRecord;
import org.shuangsuiji.draw.algorithm.record.DrawRecords;

class CanonicalJsonTest {

    @Test
    void sortsMembersDropsNullsAndWhiteSpace() {
        assertThat(CanonicalJson.string(CanonicalJson.tree("{ \"b\": 1, \"a\": [true, \"x\"], \"c\": null }")))
                .isEqualTo("{\"a\":[true,\"x\"],\"b\":1}");
    }

    @Test
    void escapesOnlyQuotesBackslashesAndControlCharacters() {
        assertThat(CanonicalJson.string(CanonicalJson.tree("{\"k\":\"粮食/\\\"q\\\"\\\\\\n\\u0001\"}")))
                .isEqualTo("{\"k\":\"粮食/\\\"q\\\"\\\\\\n\\u0001\"}");
    }

    @Test
    void refusesFractionsBecauseDecimalsAreStrings() {
        assertThatThrownBy(() -> CanonicalJson.string(CanonicalJson.tree("{\"ratio\":0.05}")))
                .hasMessageContaining("integers only");
    }

    @Test
    void refusesDuplicateMembers() {
        assertThatThrownBy(() -> CanonicalJson.tree("{\"a\":1,\"a\":2}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordSurvivesTheRoundTripWithTheSameHash() {
        DrawRecord record = new DrawFixture().compute();
        String text = DrawRecords.canonicalJson(record);
        DrawRecord back = DrawRecords.parseRecord(text);
        assertThat(back).isEqualTo(record);
        assertThat(DrawRecords.canonicalJson(back)).isEqualTo(text);
        assertThat(DrawRecords.recordSha256(back)).isEqualTo(Sha256.hex(text));
        Announcement a = DrawRecords.parseAnnouncement(DrawRecords.canonicalJson(record.announcement()));
        assertThat(DrawRecords.announcementSha256(a)).isEqualTo(record.announcementSha256());
    }

    @Test
    void aRecordStoredWithoutItsAnnouncementIsRebuiltToTheSameTextAndHash() {
        for (String algorithm : new String[] {SubjectRanking.ALGORITHM, Rfc3797.ALGORITHM}) {
            DrawRecord record = new DrawFixture(algorithm).compute();
            String announcement = DrawRecords.canonicalJson(record.announcement());
            String after = DrawRecords.canonicalJsonAfterAnnouncement(record);
            String whole = DrawRecords.canonicalJson(record);
            assertThat(DrawRecords.aroundAnnouncement(announcement, after)).isEqualTo(whole)
                    .isEqualTo(CanonicalJson.viaTree(record));
            assertThat(DrawRecords.sha256AroundAnnouncement(announcement, after)).isEqualTo(Sha256.hex(whole));
            // the part after the announcement is a JSON object by itself (it is stored as one)
            assertThat(CanonicalJson.tree(after).has("announcement")).isFalse();
        }
    }

    @Test
    void rejectsJoiningATextThatIsNotARecordWithoutItsAnnouncement() {
        DrawRecord record = new DrawFixture().compute();
        String announcement = DrawRecords.canonicalJson(record.announcement());
        assertThatThrownBy(() -> DrawRecords.aroundAnnouncement(announcement, DrawRecords.canonicalJson(record)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readingTheTextDirectlyEqualsReadingItThroughATree() {
        DrawRecord record = new DrawFixture().compute();
        String text = DrawRecords.canonicalJson(record);
        assertThat(CanonicalJson.read(text, DrawRecord.class)).isEqualTo(CanonicalJson.read(CanonicalJson.tree(text),
                DrawRecord.class)).isEqualTo(record);
        String announcement = DrawRecords.canonicalJson(record.announcement());
        assertThat(DrawRecords.parseAnnouncement(announcement)).isEqualTo(record.announcement());
    }

    @Test
    void readingRefusesDuplicateAndUnknownMembersAndBrokenTextAsTheTreeDoes() {
        String announcement = DrawRecords.canonicalJson(new DrawFixture().announcement());
        String duplicate = "{\"format\":\"x\"," + announcement.substring(1);
        String unknown = "{\"zzz\":1," + announcement.substring(1);
        assertThatThrownBy(() -> DrawRecords.parseAnnouncement(duplicate)).hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> DrawRecords.parseAnnouncement(unknown))
                .hasMessageStartingWith("not a valid Announcement");
        assertThatThrownBy(() -> DrawRecords.parseAnnouncement(announcement.substring(0, 100)))
                .hasMessageStartingWith("not valid JSON");
    }

    @Test
    void instantsAreKeptToTheSecond() {
        DrawFixture fixture = new DrawFixture();
        Announcement a = fixture.announcement();
        Announcement withMicros = new Announcement(a.format(), a.drawId(), a.task(), a.items(), a.selectionAlgorithm(),
                a.keyDerivation(), a.quotaRule(), a.strata(), a.strataMapSha256(), a.exclusions(), a.inspectors(),
                a.conflicts(), a.team(), a.entropySources(), a.announcedAt().plusNanos(123_456_000), a.announcedBy(), a.schedule());
        assertThat(DrawRecords.announcementSha256(withMicros)).isEqualTo(DrawRecords.announcementSha256(a));
        assertThat(DrawRecords.canonicalJson(a)).contains("\"announcedAt\":\"2026-11-22T08:00:00Z\"");
    }

    @Test
    void theStreamingWriterEqualsTheTreeWriterOnEveryDrawType() {
        for (String algorithm : new String[] {SubjectRanking.ALGORITHM, Rfc3797.ALGORITHM}) {
            DrawFixture fixture = new DrawFixture(algorithm);
            DrawRecord record = fixture.compute();
            assertThat(CanonicalJson.string(record)).isEqualTo(CanonicalJson.viaTree(record));
            assertThat(CanonicalJson.string(fixture.strataMap())).isEqualTo(CanonicalJson.viaTree(fixture.strataMap()));
            for (InspectorCandidate c : fixture.inspectors) {
                assertThat(CanonicalJson.string(c)).isEqualTo(CanonicalJson.viaTree(c));
            }
            assertThat(DrawRecords.recordSha256(record)).isEqualTo(Sha256.hex(CanonicalJson.viaTree(record)));
        }
        org.shuangsuiji.draw.algorithm.record.Exclusion tricky = new org.shuangsuiji.draw.algorithm.record.Exclusion(
                "S1", "91140522MA00000000", "DRAWN_BY_OTHER_TASK", "任务\n\t\"引号\" \\ \u0001\u001f\u007f/\u2028é");
        assertThat(DrawRecords.sha256(tricky)).isEqualTo(Sha256.hex(CanonicalJson.viaTree(tricky)));
        assertThat(CanonicalJson.string(tricky)).isEqualTo(CanonicalJson.viaTree(tricky))
                .contains("\\n\\t\\\"引号\\\" \\\\ \\u0001\\u001f\u007f/\u2028é");
    }
}
