namespace IkiBot.Data;

/// <summary>A report as parsed from one chat message.</summary>
public sealed record NewRealisasi(
    int PenggunaId,
    string Jabatan,
    string IndikatorKey,
    int IndikatorNo,
    string IndikatorTeks,
    string Periode,
    int Nilai,
    string? Catatan,
    string MessageId);
