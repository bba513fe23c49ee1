using System.Net;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Disputes.Tests.Integration;

public sealed class AttachmentTests(DatabaseProvider provider) : DisputesFixture(provider)
{
    private static readonly byte[] PdfBytes = [.. "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"u8];
    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] JpegBytes = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46];
    private static readonly byte[] ExeBytes = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

    private async Task<(string DebtorId, string DisputeId)> NewDispute()
    {
        var (debtorId, debtor) = await Erp.CreateDebtor();
        var dispute = await Opened(App.DebtorSession(debtorId), await Erp.NewInvoice(debtor, 1000.00m), 10m);
        return (debtorId, dispute.Text("id"));
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, string disputeId, byte[] content, string fileName, string declaredType = "application/pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(declaredType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        return client.PostAsync($"/api/v1/disputes/{disputeId}/attachments", form);
    }

    [Test]
    public async Task Upload_WhenPdf_IsStoredAndDownloadsIdentically()
    {
        var (debtorId, disputeId) = await NewDispute();

        var attachment = await (await Upload(App.DebtorSession(debtorId), disputeId, PdfBytes, "delivery-note.pdf")).ShouldBe(HttpStatusCode.Created);

        var download = await Staff.GetAsync($"/api/v1/disputes/{disputeId}/attachments/{attachment.Text("id")}");
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(download.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(download.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(download.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(PdfBytes));
        var listed = (await Dispute(App.DebtorSession(debtorId), disputeId)).GetProperty("attachments").EnumerateArray().Single();
        Assert.That((listed.Text("fileName"), listed.GetProperty("sizeBytes").GetInt64()), Is.EqualTo(("delivery-note.pdf", (long)PdfBytes.Length)));
    }

    [Test]
    public async Task Upload_WhenContentIsPngOrJpegWhateverTheName_StoresSniffedType()
    {
        var (_, disputeId) = await NewDispute();

        var png = await (await Upload(Staff, disputeId, PngBytes, "photo.pdf", "application/pdf")).ShouldBe(HttpStatusCode.Created);
        var jpeg = await (await Upload(Staff, disputeId, JpegBytes, "photo", "application/octet-stream")).ShouldBe(HttpStatusCode.Created);

        Assert.That((png.Text("contentType"), jpeg.Text("contentType")), Is.EqualTo(("image/png", "image/jpeg")));
    }

    [Test]
    public async Task Upload_WhenRenamedExe_Is422()
    {
        var (debtorId, disputeId) = await NewDispute();

        await (await Upload(App.DebtorSession(debtorId), disputeId, ExeBytes, "invoice-scan.pdf")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        Assert.That((await Dispute(Staff, disputeId)).GetProperty("attachments").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Upload_WhenLargerThan10MB_IsRefused()
    {
        var (_, disputeId) = await NewDispute();
        var big = new byte[(10 * 1024 * 1024) + 1];
        PdfBytes.CopyTo(big, 0);

        var response = await Upload(Staff, disputeId, big, "huge.pdf");

        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.UnprocessableEntity, HttpStatusCode.RequestEntityTooLarge), await response.Content.ReadAsStringAsync());
        Assert.That((await Dispute(Staff, disputeId)).GetProperty("attachments").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Upload_WhenExactly10MB_IsAccepted()
    {
        var (_, disputeId) = await NewDispute();
        var exact = new byte[10 * 1024 * 1024];
        PdfBytes.CopyTo(exact, 0);

        await (await Upload(Staff, disputeId, exact, "scan.pdf")).ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task Upload_WhenSixth_Is422()
    {
        var (_, disputeId) = await NewDispute();
        for (var i = 0; i < 5; i++)
        {
            await (await Upload(Staff, disputeId, PdfBytes, $"p{i}.pdf")).ShouldBe(HttpStatusCode.Created);
        }

        await (await Upload(Staff, disputeId, PdfBytes, "p5.pdf")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Test]
    public async Task Upload_WhenNoFileField_Is400()
    {
        var (_, disputeId) = await NewDispute();
        using var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };

        var response = await Staff.PostAsync($"/api/v1/disputes/{disputeId}/attachments", form);

        Assert.That((int)response.StatusCode, Is.InRange(400, 499), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Download_WhenOtherDebtorsDispute_Is404()
    {
        var (_, disputeId) = await NewDispute();
        var (otherDebtor, _) = await NewDispute();
        var attachment = await (await Upload(Staff, disputeId, PdfBytes, "a.pdf")).ShouldBe(HttpStatusCode.Created);

        await (await App.DebtorSession(otherDebtor).GetAsync($"/api/v1/disputes/{disputeId}/attachments/{attachment.Text("id")}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Upload_WhenDisputeWithdrawn_Is409()
    {
        var (debtorId, disputeId) = await NewDispute();
        await (await App.DebtorSession(debtorId).PostAsync($"/api/v1/disputes/{disputeId}/withdraw", null)).ShouldBe(HttpStatusCode.OK);

        await (await Upload(App.DebtorSession(debtorId), disputeId, PdfBytes, "late.pdf")).ShouldBeProblem(HttpStatusCode.Conflict);
    }
}
