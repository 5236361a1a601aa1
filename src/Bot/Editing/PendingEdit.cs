namespace IkiBot.Bot.Editing;

/// <summary>
/// An edit shown to an admin as a preview, waiting for Simpan. <see cref="Apply"/> makes the edit on a document;
/// <see cref="BeforeFingerprint"/> is the element as the admin saw it, so a change by someone else in between is noticed.
/// </summary>
public sealed record PendingEdit(
    int Token,
    int BaseVersionId,
    string Jabatan,
    string ElemenId,
    string Jenis,
    string Label,
    string? Sebelum,
    string? Sesudah,
    string? BeforeFingerprint,
    Func<Knowledge.Versioning.KbJabatan, Knowledge.Versioning.KbJabatan> Apply);
