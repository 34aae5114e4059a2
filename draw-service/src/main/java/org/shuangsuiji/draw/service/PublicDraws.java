package org.shuangsuiji.draw.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** What the public endpoints serve byte for byte: the stored canonical record and the substitution lines. */
@ApplicationScoped
public class PublicDraws {

    public record Stored(String json, String sha256) {}

    private final FrozenInputs frozen;

    public PublicDraws(FrozenInputs frozen) {
        this.frozen = frozen;
    }

    public Stored record(UUID drawId) {
        FrozenInputs.RecordText r = frozen.storedRecord(drawId);
        return r == null ? null : new Stored(r.whole(), r.sha256());
    }

    public String substitutions(UUID drawId) {
        return frozen.substitutionLines(drawId);
    }
}
