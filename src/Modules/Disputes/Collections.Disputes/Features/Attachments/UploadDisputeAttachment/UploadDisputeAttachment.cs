using Collections.Disputes.Domain;
using Collections.Disputes.Features.Disputes;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Collections.Disputes.Features.Attachments;

internal sealed record UploadDisputeAttachmentCommand(string DisputeId, string FileName, byte[] Content) : ICommand<DisputeAttachmentResponse>;

/// <summary>Evidence is kept in the database, never under the web root; its type is read from its bytes.</summary>
internal sealed class UploadDisputeAttachmentHandler(DbSession db, DisputeStore store, IMediator mediator, TimeProvider time)
    : IRequestHandler<UploadDisputeAttachmentCommand, DisputeAttachmentResponse>
{
    private const string CountSql = "SELECT COUNT(*) FROM disputes_attachments WHERE dispute_id = @DisputeId";

    private const string InsertSql = """
        INSERT INTO disputes_attachments (id, dispute_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
        VALUES (@Id, @DisputeId, @FileName, @ContentType, @SizeBytes, @Content, @UploadedBy, @Now)
        """;

    public async Task<DisputeAttachmentResponse> Handle(UploadDisputeAttachmentCommand command, CancellationToken cancellationToken)
    {
        var dispute = await store.VisibleAsync(command.DisputeId, cancellationToken);
        DisputeTransitions.EnsureActive(dispute, "take new attachments");
        if (command.Content.Length == 0)
        {
            throw new BusinessRuleException("The file is empty.");
        }

        if (command.Content.Length > AttachmentRules.MaxBytes)
        {
            throw new BusinessRuleException($"An attachment may be at most {AttachmentRules.MaxBytes / (1024 * 1024)} MB.");
        }

        var contentType = AttachmentRules.SniffContentType(command.Content)
            ?? throw new BusinessRuleException("Only PDF, PNG and JPEG files are accepted; this file's content is none of them.");
        if (await db.ExecuteScalarAsync<long>(CountSql, new { DisputeId = dispute.Id }, cancellationToken) >= AttachmentRules.MaxPerDispute)
        {
            throw new BusinessRuleException($"A dispute may have at most {AttachmentRules.MaxPerDispute} attachments.");
        }

        var attachment = new DisputeAttachmentResponse(Ids.New("dsa", time), AttachmentRules.SafeFileName(command.FileName), contentType, command.Content.Length, store.Actor, time.GetUtcNow());
        await db.ExecuteAsync(InsertSql, new
        {
            attachment.Id,
            DisputeId = dispute.Id,
            attachment.FileName,
            attachment.ContentType,
            attachment.SizeBytes,
            command.Content,
            attachment.UploadedBy,
            Now = attachment.UploadedAt,
        }, cancellationToken);
        await mediator.Send(new RecordActivityCommand(dispute.DebtorId, "dispute.attachment",
            $"{attachment.FileName} attached to dispute {dispute.Number}.", dispute.InvoiceId), cancellationToken);
        return attachment;
    }
}

internal sealed class UploadDisputeAttachmentEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/disputes/{id}/attachments", async (string id, IFormFile file, IMediator mediator, CancellationToken ct) =>
            {
                if (file.Length > AttachmentRules.MaxBytes)
                {
                    throw new BusinessRuleException($"An attachment may be at most {AttachmentRules.MaxBytes / (1024 * 1024)} MB.");
                }

                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, ct);
                var attachment = await mediator.Send(new UploadDisputeAttachmentCommand(id, file.FileName, buffer.ToArray()), ct);
                return Results.Created($"{EndpointModule.ApiPrefix}/disputes/{id}/attachments/{attachment.Id}", attachment);
            })
            .RequireAuthorization(Policies.DebtorOrStaff)
            .DisableAntiforgery()
            .WithMetadata(new AttachmentBodyLimit())
            .AcceptsIdempotencyKey()
            .WithName("UploadDisputeAttachment")
            .WithSummary("Upload a dispute attachment")
            .WithDescription("Attach evidence (multipart field 'file'): PDF, PNG or JPEG judged by content, at most 10 MB each and 5 per dispute.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<DisputeAttachmentResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>Room for one 10 MB file plus the multipart framing; anything larger is refused before it is read.</summary>
    private sealed class AttachmentBodyLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => AttachmentRules.MaxBytes + (1024 * 1024);
    }
}
