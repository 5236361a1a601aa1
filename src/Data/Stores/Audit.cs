using System.Text.Encodings.Web;
using System.Text.Json;

namespace IkiBot.Data;

internal static class Audit
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Adds the entry to the context; it is saved with the change it describes.</summary>
    public static void Write(IkiDbContext db, DateTimeOffset waktu, int? penggunaId, string aksi, object rincian) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Waktu = waktu,
            PenggunaId = penggunaId,
            Aksi = aksi,
            Rincian = JsonSerializer.Serialize(rincian, Json),
        });
}
