using Collections.Disputes.Domain;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Disputes.Features.Attachments;

internal sealed record DownloadDisputeAttachmentQuery(string DisputeId, string AttachmentId) : IRequest<AttachmentFile>;

internal sealed record AttachmentFile
{
    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Content { get; init; }
}

internal sealed class DownloadDisputeAttachmentHandler(DbSession db, DisputeStore store) : IRequestHandler<DownloadDisputeAttachmentQuery, AttachmentFile>
{
    private const string FileSql = """
        SELECT file_name AS FileName, content_type AS ContentType, content AS Content
        FROM disputes_attachments WHERE id = @AttachmentId AND dispute_id = @DisputeId
        """;

    public async Task<AttachmentFile> Handle(DownloadDisputeAttachmentQuery query, CancellationToken cancellationToken)
    {
        var dispute = await store.VisibleAsync(query.DisputeId, cancellationToken);
        return await db.QuerySingleOrDefaultAsync<AttachmentFile>(FileSql, new { query.AttachmentId, DisputeId = dispute.Id }, cancellationToken)
            ?? throw new NotFoundException("Attachment", query.AttachmentId);
    }
}

internal sealed class DownloadDisputeAttachmentEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/disputes/{id}/attachments/{attachmentId}", async (string id, string attachmentId, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new DownloadDisputeAttachmentQuery(id, attachmentId), ct);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .RequireAuthorization(Policies.Portal)
            .WithName("DownloadDisputeAttachment")
            .WithSummary("Download a dispute attachment")
            .WithDescription("Download an attachment of a dispute the caller may see.")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/pdf", "image/png", "image/jpeg")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
