namespace IkiBot.Knowledge.Understanding;

/// <summary>Atasan: where a jabatan stands in the organisation (its atasan and who is under it).</summary>
public enum Intent { Tugas, Fungsi, Indikator, Siapa, Daftar, Atasan, Unknown }

public static class IntentNames
{
    public static string Code(this Intent intent) => intent.ToString().ToLowerInvariant();
}
