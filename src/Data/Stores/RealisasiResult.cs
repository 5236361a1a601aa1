namespace IkiBot.Data;

/// <param name="Entry">The stored entry (the earlier one when <paramref name="Duplicate"/>).</param>
/// <param name="Duplicate">The MessageId was already stored: nothing new was written.</param>
/// <param name="Total">Sum of active entries for the entry's jabatan, indicator and periode.</param>
public sealed record RealisasiResult(Realisasi Entry, bool Duplicate, int Total);
