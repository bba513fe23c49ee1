using FluentValidation;

namespace Collections.SharedKernel.Web;

public static class ListRules
{
    /// <summary>
    /// Refuses a null element (<c>"lines": [null]</c>): FluentValidation's child rules skip null elements, so without this
    /// rule they reach the handler. Put it before the element's child rules.
    /// </summary>
    public static IRuleBuilderOptions<T, TItem> NoEmptyItems<T, TItem>(this IRuleBuilderInitialCollection<T, TItem> rule) =>
        rule.NotNull().WithMessage("An item of the list is empty (null).");
}
