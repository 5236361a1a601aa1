namespace IkiBot.Data;

/// <summary>Stored as "menunggu" / "aktif" / "diblokir".</summary>
public enum StatusPengguna
{
    Menunggu,
    Aktif,
    Diblokir,
}
