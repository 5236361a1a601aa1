using IkiBot.Knowledge.Reporting;

namespace IkiBot.Knowledge.Tests.Reporting;

/// <summary>Issue 10: twin rows found from the document, distinct rows stored at once, numbers that must not be stored.</summary>
[Collection(ReportCollection.Name)]
public sealed class TwinAndValueTests(ReportFixture fixture)
{
    [Fact]
    public void Twin_groups_are_found_from_the_document()
    {
        var groups = fixture.Knowledge.Kb.Jabatan
            .SelectMany(j => fixture.Interpreter.TwinGroups(j.Nama).Select(g => (j.Nama, Rows: g.Select(r => r.No).ToList())))
            .ToList();
        Assert.Contains(groups, g => g.Nama == "KEPALA SUB BAGIAN KEUANGAN" && g.Rows.SequenceEqual([1, 4, 5]));
        Assert.Contains(groups, g => g.Nama == "PENGADMINISTRASI PENEMPATAN TENAGA KERJA LUAR NEGERI" && g.Rows.SequenceEqual([5, 6, 7]));
        Assert.Contains(groups, g => g.Nama == "SEKSI KELEMBAGAAN TENAGA KERJA" && g.Rows.Count == 0 || g.Rows.Count >= 2);
        Assert.All(groups, g => Assert.True(g.Rows.Count >= 2));
    }

    [Theory]
    [InlineData("SEKSI SYARAT KERJA, UPAH DAN JAMINAN SOSIAL", "perusahaan yg dibina 6", new[] { 5, 7 })]
    [InlineData("KEPALA BIDANG PENGEMBANGAN KETENAGAKERJAAN", "dokumen dibuat 2", new[] { 4, 5, 7 })]
    [InlineData("KEPALA SUB BAGIAN KEUANGAN", "dokumen yg dibuat bulan ini 3", new[] { 1, 4, 5 })]
    public void A_report_that_fits_a_twin_group_is_asked_back_with_every_row_of_it(string jabatan, string text, int[] rows)
    {
        var d = fixture.Read(jabatan, text);
        Assert.Equal(ReportStatus.Clarify, d.Status);
        Assert.Equal(rows, d.Candidates.Select(r => r.No).Order());
        foreach (var no in rows) Assert.Contains($"{no}. ", d.Message);
    }

    [Theory]
    [InlineData("PENGADMINISTRASI PENEMPATAN TENAGA KERJA LUAR NEGERI", "bahan sosialisasi penempatan luar negeri 3", 6)]
    [InlineData("SEKSI PERLUASAN KESEMPATAN KERJA", "tka dipantau 12 orang", 9)]
    [InlineData("SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI", "rekomendasi izin tempat penampungan 2", 11)]
    [InlineData("SEKSI KELEMBAGAAN TENAGA KERJA", "lks bipartit yg ditetapkan 1", 9)]
    public void A_report_that_fits_one_row_distinctly_is_stored_at_once(string jabatan, string text, int row)
    {
        var d = fixture.Read(jabatan, text);
        Assert.Equal(ReportStatus.Ok, d.Status);
        Assert.Equal(row, d.Row!.No);
    }

    [Fact]
    public void Fifty_thousand_is_refused_with_the_limit_written_with_a_dot()
    {
        var d = fixture.Read("BENDAHARA", "sp2d dibuat 50.000");
        Assert.Equal(ReportStatus.Reject, d.Status);
        Assert.Equal(50_000, d.Value);
        Assert.Contains("50.000", d.Message);
        Assert.Contains("10.000", d.Message);
    }

    [Fact]
    public void A_number_too_long_for_any_count_is_refused_as_typed_not_echoed_as_a_clamped_number()
    {
        var d = fixture.Read("BENDAHARA", "sp2d dibuat 99999999999999999999");
        Assert.Equal(ReportStatus.Reject, d.Status);
        Assert.Null(d.Value);
        Assert.DoesNotContain("9.223.372", d.Message);
        Assert.DoesNotContain("2147483647", d.Message);
        Assert.Contains("terlalu besar", d.Message);
    }

    [Theory]
    [InlineData("sp2d dibuat dua puluh dua puluh")]
    [InlineData("sp2d dibuat lima ratus tiga ratus")]
    public void Number_words_that_make_no_one_number_are_refused(string text)
    {
        var d = fixture.Read("BENDAHARA", text);
        Assert.Equal(ReportStatus.Reject, d.Status);
        Assert.Null(d.Value);
    }

    [Theory]
    [InlineData("sp2d dibuat 2 puluh", 20)]
    [InlineData("sp2d dibuat 2puluh", 20)]
    [InlineData("sp2d dibuat 3 ratus", 300)]
    [InlineData("sp2d dibuat 2 ribu", 2000)]
    public void A_digit_with_a_number_word_after_it_is_read_as_one_number(string text, int value)
    {
        var d = fixture.Read("BENDAHARA", text);
        Assert.Equal(ReportStatus.Ok, d.Status);
        Assert.Equal(value, d.Value);
    }

    [Fact]
    public void A_digit_number_word_and_another_digit_is_asked_again_not_guessed()
    {
        var d = fixture.Read("BENDAHARA", "sp2d dibuat 2 puluh 5");
        Assert.Equal(ReportStatus.Reject, d.Status);
        Assert.Null(d.Value);
    }

    [Theory]
    [InlineData("rencana kerja subbag keuangan sudah jadi 1 dokumen")]
    [InlineData("rencana kerja beres 1")]
    public void Saying_the_work_is_done_does_not_hide_which_row_it_is(string text)
    {
        var d = fixture.Read("KEPALA SUB BAGIAN KEUANGAN", text);
        Assert.Equal(ReportStatus.Ok, d.Status);
        Assert.Equal(1, Assert.Single(d.Candidates).No);
    }

    [Fact]
    public void Number_words_in_order_still_read() => Assert.Equal(125, fixture.Read("BENDAHARA", "sp2d dibuat seratus dua puluh lima").Value);

    [Fact]
    public void A_count_before_bulan_lalu_is_ambiguous_and_the_user_is_told_how_to_write_it()
    {
        var d = fixture.Read("SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI", "seleksi akad 3 bulan lalu");
        Assert.Equal(ReportStatus.Reject, d.Status);
        Assert.Contains("3 untuk bulan lalu", d.Message);
        var clear = fixture.Read("SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI", "seleksi akad 3 untuk bulan lalu");
        Assert.Equal(ReportStatus.Ok, clear.Status);
        Assert.Equal("2026-10", clear.Periode.Code);
    }
}
