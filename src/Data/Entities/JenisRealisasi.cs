namespace IkiBot.Data;

/// <summary>Stored as "laporan" / "koreksi".</summary>
public enum JenisRealisasi
{
    Laporan,
    Koreksi,
}
