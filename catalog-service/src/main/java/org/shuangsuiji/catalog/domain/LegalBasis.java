package org.shuangsuiji.catalog.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One law or regulation an item rests on (抽查依据), with the article when the source names one. */
public record LegalBasis(
        @NotBlank(message = "must name the law or regulation") @Size(max = 200) String law,
        @Size(max = 100) String article) {}
