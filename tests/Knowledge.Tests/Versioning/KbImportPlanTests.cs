using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Parsing;
using IkiBot.Knowledge.Versioning;

namespace IkiBot.Knowledge.Tests.Versioning;

/// <summary>kb import's pairing: renamed jabatan keep their ids, unrelated ones do not, partial matches are asked.</summary>
public class KbImportPlanTests
{
    private static readonly KbDocument Current = KbDocument.From(new IkiDocumentParser().Parse(BundledDocument.ReadBytes()));
    private static readonly KbJabatan Bendahara = Current.Find("BENDAHARA")!;

    private static KnowledgeBase Replace(string nama, Func<Jabatan, Jabatan?> change) =>
        new(Current.ToKnowledgeBase().Jabatan.Select(j => j.Nama == nama ? change(j) : j).OfType<Jabatan>().ToList(), []);

    private static Indikator Row(Jabatan j, int no) => j.Indikator.Single(r => r.No == no);

    [Fact]
    public void A_renamed_jabatan_with_one_tugas_changed_keeps_its_id_and_every_row_id()
    {
        var plan = KbImportPlan.Build(Current, Replace("BENDAHARA", j => j with
        {
            Nama = "BENDAHARA PENGELUARAN",
            Tugas = j.Tugas.Take(j.Tugas.Count - 1).Append("Melaksanakan tugas lain dari Kepala Sub Bagian Keuangan.").ToList(),
        }));

        Assert.Equal(new KbRename("BENDAHARA", "BENDAHARA PENGELUARAN"), Assert.Single(plan.JabatanRenamed));
        Assert.Empty(plan.JabatanAdded);
        Assert.Empty(plan.JabatanRemoved);
        Assert.Empty(plan.Unclear);
        var renamed = plan.Next.Find("BENDAHARA PENGELUARAN")!;
        Assert.Equal(Bendahara.Id, renamed.Id);
        Assert.Equal(Bendahara.Indikator.Select(r => r.Id), renamed.Indikator.Select(r => r.Id));
        Assert.DoesNotContain(plan.Changes, c => c.Jenis == "hapus" && c.ElemenId.StartsWith("ind-"));
    }

    [Fact]
    public void A_removed_jabatan_and_an_unrelated_new_one_are_not_called_a_rename()
    {
        var plan = KbImportPlan.Build(Current, Replace("BENDAHARA", _ => new Jabatan("PENGELOLA LAYANAN DIGITAL",
            ["Mengelola situs web dan media sosial dinas.", "Melaksanakan tugas-tugas lain yang diberikan oleh atasan."], [],
            [new Indikator(1, "Pengelolaan konten situs web dinas", "Jumlah konten yang diunggah", [], "", "")])));

        Assert.Empty(plan.JabatanRenamed);
        Assert.Empty(plan.Unclear);
        Assert.Equal(["PENGELOLA LAYANAN DIGITAL"], plan.JabatanAdded);
        Assert.Equal(["BENDAHARA"], plan.JabatanRemoved);
        Assert.NotEqual(Bendahara.Id, plan.Next.Find("PENGELOLA LAYANAN DIGITAL")!.Id);
        Assert.Equal(Bendahara.Indikator.Count, plan.Changes.Count(c => c.Jabatan == "BENDAHARA" && c.Jenis == "hapus"));
    }

    [Fact]
    public void A_renamed_jabatan_with_half_its_texts_rewritten_is_asked_about_and_the_answer_decides()
    {
        KnowledgeBase incoming = Replace("BENDAHARA", j => j with
        {
            Nama = "BENDAHARA PEMBANTU",
            Tugas = j.Tugas.Select((t, i) => i < 4 ? $"Menyusun dokumen keuangan bagian {i + 1}." : t).ToList(),
            Indikator = j.Indikator.Select(r => r.No <= 3 ? r with { Program = $"Kegiatan keuangan {r.No}", Uraian = $"Jumlah berkas {r.No} yang disusun" } : r).ToList(),
        });

        var asked = KbImportPlan.Build(Current, incoming);
        var pair = Assert.Single(asked.Unclear);
        Assert.Equal("BENDAHARA=BENDAHARA PEMBANTU", pair.Key);
        Assert.True(pair.Skor is >= KbPairing.Unrelated and < KbPairing.Clear, $"{pair.Skor}");
        Assert.Contains("Jabatan 'BENDAHARA PEMBANTU' di dokumen baru: sama dengan jabatan 'BENDAHARA'", pair.Question);
        Assert.Empty(asked.JabatanRenamed); // unanswered: different
        Assert.Equal(["BENDAHARA PEMBANTU"], asked.JabatanAdded);

        var same = KbImportPlan.Build(Current, incoming, new Dictionary<string, bool> { [pair.Key] = true });
        Assert.Equal(Bendahara.Id, same.Next.Find("BENDAHARA PEMBANTU")!.Id);
        Assert.Equal(Bendahara.Indikator[4].Id, same.Next.Find("BENDAHARA PEMBANTU")!.Indikator[4].Id);
        Assert.Equal([pair.Key], same.Decided);

        var different = KbImportPlan.Build(Current, incoming, new Dictionary<string, bool> { [pair.Key] = false });
        Assert.Empty(different.Unclear);
        Assert.Empty(different.JabatanRenamed);
        Assert.Equal(["BENDAHARA"], different.JabatanRemoved);
    }

    [Fact]
    public void A_row_rewritten_in_part_is_asked_about_and_keeps_its_id_only_when_the_admin_says_same()
    {
        var incoming = Replace("BENDAHARA", j => j with
        {
            Indikator = j.Indikator.Select(r => r.No == 2 ? r with { Program = "Menyiapkan berkas SP2D untuk kuasa BUD", Uraian = "Jumlah berkas SP2D yang disiapkan" } : r).ToList(),
        });
        var asked = KbImportPlan.Build(Current, incoming);
        var pair = Assert.Single(asked.Unclear);
        Assert.Equal("BENDAHARA#2=2", pair.Key);
        Assert.Contains("BENDAHARA, baris 2 'Jumlah berkas SP2D yang disiapkan' di dokumen baru: sama dengan baris 2 'Jumlah SP2D yang dibuat' yang lama?", pair.Question);
        Assert.Contains(asked.Changes, c => c.Jenis == "hapus" && c.ElemenId == Bendahara.Indikator[1].Id);

        var same = KbImportPlan.Build(Current, incoming, new Dictionary<string, bool> { [pair.Key] = true });
        Assert.Empty(same.Unclear);
        Assert.Equal(Bendahara.Indikator[1].Id, same.Next.Find("BENDAHARA")!.Indikator[1].Id);
        Assert.Contains(same.Changes, c => c.Jenis == "ubah" && c.Label == "indikator 2" && c.Sesudah!.Contains("Jumlah berkas SP2D yang disiapkan"));

        var different = KbImportPlan.Build(Current, incoming, new Dictionary<string, bool> { [pair.Key] = false });
        Assert.Empty(different.Unclear);
        Assert.NotEqual(Bendahara.Indikator[1].Id, different.Next.Find("BENDAHARA")!.Indikator[1].Id);
    }

    [Fact]
    public void A_row_with_one_word_changed_keeps_its_id_without_a_question_and_a_wholly_new_row_is_added()
    {
        var plan = KbImportPlan.Build(Current, Replace("BENDAHARA", j => j with
        {
            Indikator = j.Indikator.Select(r => r.No switch
            {
                2 => r with { Uraian = "Jumlah SP2D yang diterbitkan" },
                3 => r with { Program = "Pemeliharaan kendaraan dinas", Uraian = "Jumlah kendaraan yang diservis" },
                _ => r,
            }).ToList(),
        }));
        Assert.Empty(plan.Unclear);
        var next = plan.Next.Find("BENDAHARA")!;
        Assert.Equal(Bendahara.Indikator[1].Id, next.Indikator[1].Id);
        Assert.NotEqual(Bendahara.Indikator[2].Id, next.Indikator[2].Id);
        Assert.Contains(plan.Changes, c => c.Jenis == "hapus" && c.ElemenId == Bendahara.Indikator[2].Id);
    }
}
