using IkiBot.Data;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Versioning;

namespace IkiBot.Bot.Editing;

/// <summary>
/// The knowledge base as stored in the database (issue 12): imported from the document as version 1 on first start,
/// changed only by saving a new version, which is then swapped into the live <see cref="IkiKnowledge"/>.
/// </summary>
public sealed class KnowledgeVersions(IkiKnowledge knowledge, KnowledgeVersionStore store, KbDocument document, int versionId)
{
    private readonly SemaphoreSlim _saving = new(1, 1);
    private sealed record Served(KbDocument Document, int VersionId);
    private Served _current = new(document, versionId);

    public IkiKnowledge Knowledge => knowledge;
    public KnowledgeVersionStore Store => store;
    public KbDocument Document => Volatile.Read(ref _current).Document;
    public int VersionId => Volatile.Read(ref _current).VersionId;

    /// <summary>
    /// The current version from the database, importing <paramref name="fromFile"/> as version 1 when there is none,
    /// and the old document keys of realizations and targets moved to the indicators' stable ids.
    /// </summary>
    public static async Task<(KbDocument Document, int VersionId, bool Imported, KeyMappingResult Mapped)> LoadAsync(
        KnowledgeVersionStore store, IndikatorKeyMapping mapping, Func<KnowledgeBase> fromFile, string source, CancellationToken ct = default)
    {
        var current = await store.CurrentAsync(ct);
        var imported = false;
        if (current is null)
        {
            (current, imported) = await store.ImportFirstAsync(KbDocument.From(fromFile()).ToJson(), source, ct);
        }
        var document = KbDocument.FromJson(current.Isi);
        var mapped = await MapLegacyKeysAsync(mapping, document.ToKnowledgeBase(), ct);
        return (document, current.Id, imported, mapped);
    }

    /// <summary>Old key "JABATAN#no#text" → the id of that jabatan's row with that number and text, else of its one row with that text.</summary>
    public static async Task<KeyMappingResult> MapLegacyKeysAsync(IndikatorKeyMapping mapping, KnowledgeBase kb, CancellationToken ct = default)
    {
        var legacy = await mapping.LegacyKeysAsync(ct);
        if (legacy.Count == 0) return new(0, 0, 0);
        var ids = new Dictionary<(string, string), string>();
        foreach (var (jabatan, key) in legacy)
        {
            if (kb.Find(jabatan) is not { } j) continue;
            // Keys were built from the printed text (with the export's trailing ";"), the stored version holds it cleaned.
            var normal = Normal(key);
            var text = normal[(normal.IndexOf('#', normal.IndexOf('#') + 1) + 1)..];
            var exact = j.Indikator.FirstOrDefault(r => Normal(r.LegacyKeyFor(j.Nama)) == normal);
            var sameText = j.Indikator.Where(r => Normal(r.LegacyKeyFor(j.Nama)).EndsWith("#" + text, StringComparison.Ordinal)).ToList();
            var row = exact ?? (sameText.Count == 1 ? sameText[0] : null);
            if (row?.Id is { } id) ids[(jabatan, key)] = id;
        }
        return await mapping.ApplyAsync(ids, ct);
    }

    /// <summary>"JABATAN#no#text" with the text as <see cref="IndikatorText.Clean"/> leaves it, lower case.</summary>
    private static string Normal(string key)
    {
        var second = key.IndexOf('#', key.IndexOf('#') + 1);
        return second < 0 ? key : key[..(second + 1)] + IndikatorText.Clean(key[(second + 1)..]).ToLowerInvariant();
    }

    /// <summary>
    /// Stores the document <paramref name="edit"/> makes of the current version as a new version and serves it.
    /// <paramref name="edit"/> gets the latest stored version and returns null (with a reason) when it no longer applies.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(Func<KbDocument, int, EditResult> edit, string sumber, string keterangan, int? penggunaId, string oleh,
        CancellationToken ct = default)
    {
        await _saving.WaitAsync(ct);
        try
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var latest = await store.CurrentAsync(ct) ?? throw new InvalidOperationException("No knowledge base version stored.");
                var doc = latest.Id == VersionId ? Document : KbDocument.FromJson(latest.Isi);
                var result = edit(doc, latest.Id);
                if (result.Refusal is not null) return new SaveOutcome(null, result.Refusal);
                var saved = await store.TryAddAsync(latest.Id, result.Document!.ToJson(), sumber, keterangan, penggunaId, oleh, result.Changes, ct, result.Renames);
                if (saved is null) continue; // another process saved in between: look again
                Serve(result.Document, saved.Id);
                return new SaveOutcome(saved, null);
            }
            return new SaveOutcome(null, "Dokumen sedang diubah oleh admin lain. Coba lagi sebentar lagi.");
        }
        finally
        {
            _saving.Release();
        }
    }

    /// <summary>Re-reads the current version (another process may have saved one) and serves it when it is newer.</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        var latest = await store.CurrentAsync(ct);
        if (latest is not null && latest.Id != VersionId) Serve(KbDocument.FromJson(latest.Isi), latest.Id);
    }

    private void Serve(KbDocument doc, int id)
    {
        knowledge.Replace(doc.ToKnowledgeBase());
        Volatile.Write(ref _current, new Served(doc, id));
    }
}

/// <summary>The edited document and the audit rows, or why the edit no longer applies.</summary>
public sealed record EditResult(KbDocument? Document, IReadOnlyList<KbPerubahan> Changes, string? Refusal)
{
    /// <summary>Jabatan renamed by this version: what is stored under the old name moves to the new one.</summary>
    public IReadOnlyList<(string Lama, string Baru)> Renames { get; init; } = [];

    public static EditResult Refused(string why) => new(null, [], why);
}

public sealed record SaveOutcome(KbVersion? Saved, string? Refusal);
