using System.Text.Encodings.Web;
using System.Text.Json;
using IkiBot.Knowledge.Model;

namespace IkiBot.Knowledge.Versioning;

/// <summary>
/// One version of the knowledge base as stored in the database: every jabatan, tugas, fungsi and indicator row
/// with its stable id. Ids are given once (on import or when a row is added) and never reused, so realizations and
/// targets stored under an indicator's id survive edits of its text and numbering.
/// </summary>
public sealed record KbDocument(IReadOnlyList<KbJabatan> Jabatan)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>A document read from a file, with new ids for everything.</summary>
    public static KbDocument From(KnowledgeBase kb) => new(kb.Jabatan.Select(j => new KbJabatan(
        NewId("jab"), j.Nama,
        j.Tugas.Select(t => new KbTeks(NewId("tgs"), t)).ToList(),
        j.Fungsi.Select(f => new KbTeks(NewId("fgs"), f)).ToList(),
        j.Indikator.Select(r => new KbIndikator(NewId("ind"), r.No, r.Program, r.Uraian, r.Rincian.ToList(), r.Formulasi, r.SumberData, r.Satuan)).ToList()))
        .ToList());

    /// <summary>The model the index, answers and reports read; indicator rows and jabatan carry their ids.</summary>
    public KnowledgeBase ToKnowledgeBase() => new(Jabatan.Select(j => new Jabatan(
            j.Nama,
            j.Tugas.Select(t => t.Teks).ToList(),
            j.Fungsi.Select(f => f.Teks).ToList(),
            j.Indikator.Select(r => new Indikator(r.No, r.Program, r.Uraian, r.Rincian, r.Formulasi, r.SumberData) { Id = r.Id, Satuan = r.Satuan }).ToList())
        { Id = j.Id }).ToList(),
        []);

    public KbJabatan? Find(string nama) =>
        Jabatan.FirstOrDefault(j => string.Equals(j.Nama, nama.Trim(), StringComparison.OrdinalIgnoreCase));

    public KbDocument With(KbJabatan changed) => new(Jabatan.Select(j => j.Id == changed.Id ? changed : j).ToList());

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static KbDocument FromJson(string json) =>
        JsonSerializer.Deserialize<KbDocument>(json, Json) ?? throw new InvalidDataException("Empty knowledge base version.");
}

public sealed record KbJabatan(string Id, string Nama, IReadOnlyList<KbTeks> Tugas, IReadOnlyList<KbTeks> Fungsi, IReadOnlyList<KbIndikator> Indikator);

public sealed record KbTeks(string Id, string Teks);

public sealed record KbIndikator(
    string Id, int No, string Program, string Uraian, IReadOnlyList<string> Rincian, string Formulasi, string SumberData, string? Satuan = null);
