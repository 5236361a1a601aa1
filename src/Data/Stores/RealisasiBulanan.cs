namespace IkiBot.Data;

/// <summary>The active realizations of one indicator of one jabatan in one month, summed in the database.</summary>
/// <param name="Entries">How many entries (a reported 0 counts: the month was reported).</param>
public sealed record RealisasiBulanan(string Jabatan, string IndikatorKey, string Periode, int Total, int Entries);
