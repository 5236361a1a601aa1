namespace IkiBot.Knowledge.Understanding;

public enum Intent { Tugas, Fungsi, Indikator, Siapa, Daftar, Unknown }

public static class IntentNames
{
    public static string Code(this Intent intent) => intent.ToString().ToLowerInvariant();
}
