package jp.sapphire.expense.boundary;

import java.util.List;
import jp.sapphire.expense.entity.ExpenseLine;
import jp.sapphire.platform.control.InputProblem;

/** A line as stored, and what the applicant should look at again (possible duplicates). */
public record LineSaved(ExpenseLine line, List<InputProblem> warnings) {

    public LineSaved {
        warnings = List.copyOf(warnings);
    }
}
