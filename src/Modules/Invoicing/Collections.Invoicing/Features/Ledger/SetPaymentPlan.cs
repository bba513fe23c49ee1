using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Invoicing.Features.Ledger;

internal sealed class SetPaymentPlanHandler(DbSession db, TimeProvider time) : IRequestHandler<SetPaymentPlanCommand, int>
{
    private const string UpdateSql = """
        UPDATE invoicing_receivables SET payment_plan_id = @PaymentPlanId, version = version + 1, updated_at = @Now WHERE id = @Id
        """;

    public async Task<int> Handle(SetPaymentPlanCommand command, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var id in command.ItemIds.Distinct())
        {
            changed += await db.ExecuteAsync(UpdateSql, new { Id = id, command.PaymentPlanId, Now = time.GetUtcNow() }, cancellationToken);
        }

        return changed;
    }
}
