package org.shuangsuiji.roster.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A GB 32100-2015 统一社会信用代码; the violation message says exactly what is wrong (see {@link Uscc#problem}). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidUscc.Validator.class)
public @interface ValidUscc {

    String message() default "is not a valid unified social credit code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidUscc, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Uscc.problem(value).map(reason -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(reason.replace("{", "\\{").replace("$", "\\$"))
                        .addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
