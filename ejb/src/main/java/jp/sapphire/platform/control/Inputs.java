package jp.sapphire.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a boundary's input against its Bean Validation constraints and turns every violation
 * into an {@link InputProblem}, so a boundary refuses bad input the same way whoever calls it.
 */
@ApplicationScoped
public class Inputs {

    @Inject
    Validator validator;

    public <T> void check(T input) {
        List<InputProblem> problems = problemsOf(input);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    public <T> List<InputProblem> problemsOf(T input) {
        List<InputProblem> problems = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(input)) {
            Map<String, Object> arguments = new HashMap<>(violation.getConstraintDescriptor().getAttributes());
            arguments.keySet().removeAll(List.of("message", "groups", "payload"));
            problems.add(new InputProblem(violation.getPropertyPath().toString(), key(violation.getMessageTemplate()),
                    arguments));
        }
        problems.sort(Comparator.comparing(InputProblem::field).thenComparing(InputProblem::messageKey));
        return problems;
    }

    private static String key(String template) {
        return template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1) : template;
    }
}
