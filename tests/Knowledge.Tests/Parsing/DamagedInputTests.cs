using System.Text;
using System.Text.RegularExpressions;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Parsing;

namespace IkiBot.Knowledge.Tests.Parsing;

/// <summary>
/// The bundled document, damaged the way exports and copies damage files. For each damage: what is kept,
/// what is reported, and that the reader never throws.
/// </summary>
public class DamagedInputTests
{
    // (tugas, fungsi, indicator rows, rincian) per jabatan, from docs/iki-format.md.
    private static readonly Dictionary<string, (int Tugas, int Fungsi, int Rows, int Rincian)> Documented = new()
    {
        ["KEPALA DINAS"] = (1, 5, 11, 0),
        ["SEKRETARIS"] = (1, 14, 12, 0),
        ["KEPALA SUB BAGIAN PENYUSUNAN PROGRAM"] = (10, 3, 7, 0),
        ["KEPALA SUB BAGIAN KEUANGAN"] = (8, 1, 7, 4),
        ["KEPALA SUB BAGIAN KEPEGAWAIAN"] = (12, 6, 9, 0),
        ["KEPALA BIDANG PENEMPATAN DAN PERLUASAN KESEMPATAN KERJA"] = (1, 6, 6, 0),
        ["KEPALA BIDANG PENGEMBANGAN KETENAGAKERJAAN"] = (1, 8, 8, 0),
        ["KEPALA BIDANG PELATIHAN TENAGA KERJA"] = (1, 7, 6, 0),
        ["KEPALA BIDANG HUBUNGAN INDUSTRIAL & JAMSOSTEK"] = (1, 16, 15, 0),
        ["SEKSI MONITORING DAN EVALUASI KETENAGAKERJAAN"] = (7, 1, 5, 0),
        ["SEKSI PENDATAAN DAN INFORMASI KETENAGAKERJAAN"] = (7, 4, 7, 0),
        ["SEKSI PRODUKTIFITAS TENAGA KERJA"] = (6, 1, 5, 0),
        ["ADMINISTRASI UMUM"] = (5, 0, 5, 0),
        ["SEKSI LEMBAGA PELATIHAN KERJA"] = (11, 3, 8, 0),
        ["SEKSI PELATIHAN KERJA"] = (6, 2, 8, 0),
        ["PENGADMINISTRASI UMUM"] = (7, 0, 7, 0),
        ["PENGADMINISTRASI BARANG"] = (7, 0, 11, 1),
        ["PENGADMINISTRASI KEUANGAN"] = (6, 0, 7, 0),
        ["BENDAHARA"] = (7, 0, 5, 0),
        ["PENGADMINISTRASI PENEMPATAN TENAGA KERJA LUAR NEGERI"] = (6, 0, 8, 0),
        ["SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI"] = (13, 1, 12, 0),
        ["PENGADMINISTRASI INFORMASI PASAR KERJA"] = (7, 0, 7, 3),
        ["SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI"] = (8, 1, 6, 3),
        ["SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL"] = (6, 3, 4, 1),
        ["SEKSI KELEMBAGAAN TENAGA KERJA"] = (11, 9, 9, 0),
        ["SEKSI SYARAT KERJA, UPAH DAN JAMINAN SOSIAL"] = (9, 3, 7, 0),
        ["SEKSI PERLUASAN KESEMPATAN KERJA"] = (13, 2, 11, 0),
    };

    private const string SeksiLuarNegeri = "SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI";
    private const string PengadministrasiLuarNegeri = "PENGADMINISTRASI PENEMPATAN TENAGA KERJA LUAR NEGERI";
    private const string SeksiPerselisihan = "SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL";

    private static readonly string Original = Encoding.UTF8.GetString(BundledDocument.ReadBytes());

    private static string[] OriginalLines => Original.Split('\n');

    private static KnowledgeBase Parse(string text) => new IkiDocumentParser().Parse(text);

    private static KnowledgeBase Parse(byte[] bytes) => new IkiDocumentParser().Parse(bytes);

    /// <summary>Every documented jabatan, except those named, is present with its exact name and documented counts.</summary>
    private static void AssertDocumented(KnowledgeBase kb, params string[] except)
    {
        foreach (var (nama, want) in Documented)
        {
            if (except.Contains(nama)) continue;
            var j = kb.Find(nama);
            Assert.True(j is not null, $"jabatan {nama} missing");
            Assert.Equal(nama, j!.Nama);
            Assert.True(want == (j.Tugas.Count, j.Fungsi.Count, j.Indikator.Count, j.Indikator.Sum(r => r.Rincian.Count)),
                $"{nama}: want {want}, got ({j.Tugas.Count}, {j.Fungsi.Count}, {j.Indikator.Count}, {j.Indikator.Sum(r => r.Rincian.Count)})");
            Assert.Equal(Enumerable.Range(1, j.Indikator.Count), j.Indikator.Select(r => r.No));
        }
    }

    /// <summary>The whole bundled document was read: 27 jabatan, the documented totals, nothing reported.</summary>
    private static void AssertWholeDocument(KnowledgeBase kb)
    {
        AssertDocumented(kb);
        Assert.Equal(27, kb.Jabatan.Count);
        Assert.Equal(178, kb.Jabatan.Sum(j => j.Tugas.Count));
        Assert.Equal(96, kb.Jabatan.Sum(j => j.Fungsi.Count));
        Assert.Equal(213, kb.Jabatan.Sum(j => j.Indikator.Count));
        Assert.Equal(12, kb.Jabatan.Sum(j => j.Indikator.Sum(r => r.Rincian.Count)));
        Assert.Empty(kb.Report);
    }

    private static int LineOf(string[] lines, string startsWith) =>
        Array.FindIndex(lines, l => l.StartsWith(startsWith, StringComparison.Ordinal)) + 1;

    // ---------------------------------------------------------------- 1. CRLF line ends

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Windows_or_old_mac_line_ends_read_the_same(string newline)
    {
        var text = Original.Replace("\n", newline);
        AssertWholeDocument(Parse(text));
        AssertWholeDocument(Parse(Encoding.UTF8.GetBytes(text)));
    }

    // ---------------------------------------------------------------- 2. Extra blank lines

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\t\t\t")] // an empty table row is a blank line too
    public void A_blank_line_after_every_line_changes_nothing(string blank)
    {
        var text = string.Join("\n", OriginalLines.Select(l => l + "\n" + blank));
        AssertWholeDocument(Parse(text));
    }

    // ---------------------------------------------------------------- 3. Blocks in another order

    /// <summary>
    /// The document cut into its jabatan blocks: a block starts at an "INDIKATOR KINERJA INDIVIDU" heading, or at a
    /// "1. Jabatan" line when the block being cut already has one. Whatever is printed inside a block (the out-of-place
    /// fragment of rows 5-12 included) stays with it. Returns the lines before the first block, and the blocks.
    /// </summary>
    private static (List<string> Preamble, List<List<string>> Blocks) SplitBlocks(string[] lines)
    {
        var heading = new Regex(@"^\s*INDIKATOR\s+KINERJA\s+INDIVIDU\s*$");
        var label = new Regex(@"^\s*1\s*\.\s*Jabatan\b");
        var preamble = new List<string>();
        var blocks = new List<List<string>>();
        List<string>? current = null;
        var hasLabel = false;
        foreach (var line in lines)
        {
            var startsBlock = heading.IsMatch(line) || (label.IsMatch(line) && (current is null || hasLabel));
            if (startsBlock)
            {
                current = [];
                blocks.Add(current);
                hasLabel = false;
            }
            if (label.IsMatch(line)) hasLabel = true;
            (current ?? preamble).Add(line);
        }
        foreach (var block in blocks)
            if (block[^1].Trim().Length > 0) block.Add("");
        return (preamble, blocks);
    }

    private static string Join(List<string> preamble, IEnumerable<List<string>> blocks) =>
        string.Join("\n", preamble.Concat(blocks.SelectMany(b => b)));

    private static int IndexOfBlock(List<List<string>> blocks, string contains) =>
        blocks.FindIndex(b => b.Any(l => l.Contains(contains, StringComparison.Ordinal)));

    [Fact]
    public void The_document_cuts_into_27_blocks_and_the_fragment_travels_with_its_printed_block()
    {
        var (_, blocks) = SplitBlocks(OriginalLines);
        Assert.Equal(27, blocks.Count);
        var printedIn = blocks[IndexOfBlock(blocks, "- : " + PengadministrasiLuarNegeri)];
        Assert.Contains(printedIn, l => l.StartsWith("12\tPenyelenggaraan pelayanan kepulauan", StringComparison.Ordinal));
    }

    [Fact]
    public void Blocks_in_reverse_order_keep_every_jabatan_and_the_fragment_still_reaches_its_table()
    {
        // Reversed, the only table stopping at row 4 that comes after the fragment is gone; the nearest one before it
        // is SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI, the right one.
        var (preamble, blocks) = SplitBlocks(OriginalLines);
        blocks.Reverse();
        var kb = Parse(Join(preamble, blocks));

        AssertWholeDocument(kb);
        Assert.Equal("Jumlah Rekomendasi Paspor TKI", kb.Find(SeksiLuarNegeri)!.Indikator[5].Uraian);
        Assert.Equal(Documented.Keys.Reverse(), kb.Jabatan.Select(j => j.Nama));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(11)]
    [InlineData(2024)]
    public void Shuffled_blocks_keep_every_jabatan_and_place_the_fragment_by_the_documented_rule(int seed)
    {
        var (preamble, blocks) = SplitBlocks(OriginalLines);
        var rng = new Random(seed);
        blocks = blocks.OrderBy(_ => rng.Next()).ToList();
        var kb = Parse(Join(preamble, blocks));

        // Documented rule: the fragment (rows 5-12, printed in the PENGADMINISTRASI block) goes to the nearest later
        // table that stops at row 4, else the nearest earlier one. Two tables stop at row 4: SEKSI PENEMPATAN TENAGA KERJA
        // LUAR NEGERI (its real home) and SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL (4 rows of its own), so once
        // the order is lost the rule can pick the wrong one. Either way no row is lost and nothing is reported.
        var printedIn = IndexOfBlock(blocks, "- : " + PengadministrasiLuarNegeri);
        var candidates = new[] { SeksiLuarNegeri, SeksiPerselisihan }
            .Select(n => (Nama: n, Index: IndexOfBlock(blocks, "1. Jabatan : " + n)))
            .ToList();
        var later = candidates.Where(c => c.Index > printedIn).OrderBy(c => c.Index).ToList();
        var target = later.Count > 0 ? later[0].Nama : candidates.OrderByDescending(c => c.Index).First().Nama;
        var other = target == SeksiLuarNegeri ? SeksiPerselisihan : SeksiLuarNegeri;

        Assert.Equal(27, kb.Jabatan.Count);
        AssertDocumented(kb, except: [SeksiLuarNegeri, SeksiPerselisihan]);
        Assert.Equal(Enumerable.Range(1, 12), kb.Find(target)!.Indikator.Select(r => r.No));
        Assert.Equal(Enumerable.Range(1, 4), kb.Find(other)!.Indikator.Select(r => r.No));
        Assert.Equal("Penyelenggaraan pelayanan kepulauan Tenaga Kerja Indonesia", kb.Find(target)!.Indikator[11].Program);
        Assert.Equal(178, kb.Jabatan.Sum(j => j.Tugas.Count));
        Assert.Equal(96, kb.Jabatan.Sum(j => j.Fungsi.Count));
        Assert.Equal(213, kb.Jabatan.Sum(j => j.Indikator.Count));
        Assert.Empty(kb.Report);
    }

    [Fact]
    public void Without_a_table_stopping_at_row_4_the_fragment_is_reported_line_by_line()
    {
        var (preamble, blocks) = SplitBlocks(OriginalLines);
        blocks.RemoveAt(IndexOfBlock(blocks, "1. Jabatan : " + SeksiLuarNegeri));
        blocks.RemoveAt(IndexOfBlock(blocks, "1. Jabatan : " + SeksiPerselisihan));
        var text = Join(preamble, blocks);
        var lines = text.Split('\n');
        var kb = Parse(text);

        Assert.Equal(25, kb.Jabatan.Count);
        AssertDocumented(kb, except: [SeksiLuarNegeri, SeksiPerselisihan]);
        var firstFragmentLine = LineOf(lines, "5\tPenerbitan rekomendasi izin pendirian kantor cabang perusahaan pegerah");
        Assert.Equal(Enumerable.Range(firstFragmentLine, 8), kb.Report.Select(r => r.Line));
        Assert.Equal(Enumerable.Range(5, 8).Select(n => $"{n}\t"), kb.Report.Select(r => r.Text[..(r.Text.IndexOf('\t') + 1)]));
        Assert.All(kb.Report, r => Assert.Contains("tidak ada tabel yang cocok", r.Reason));
        // nothing silently dropped: rows kept + rows reported == rows printed (213 less the 4 + 4 of the removed blocks)
        Assert.Equal(213 - 4 - 4, kb.Jabatan.Sum(j => j.Indikator.Count) + kb.Report.Count);
    }

    // ---------------------------------------------------------------- 4. Missing headings

    [Fact]
    public void Without_any_heading_line_every_block_is_still_found()
    {
        var text = string.Join("\n", OriginalLines.Where(l => l.Trim() != "INDIKATOR KINERJA INDIVIDU"));
        Assert.DoesNotContain("INDIKATOR KINERJA INDIVIDU", text);
        AssertWholeDocument(Parse(text));
    }

    // ---------------------------------------------------------------- 5. Truncated table

    private const string KeuanganRow5 = "5\tMelakukan Penyusunan Laporan Keuangan (Laporan Realisasi Anggaran, Neraca dan Lain-lain);\tJumlah Dokumen yang dibuat";

    private static string CutAfter(string marker, int keep)
    {
        var at = Original.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"marker not found: {marker}");
        return Original[..(at + keep)];
    }

    private static void AssertFirstFourJabatanThenKeuangan(KnowledgeBase kb, int keuanganRows)
    {
        Assert.Equal(
            ["KEPALA DINAS", "SEKRETARIS", "KEPALA SUB BAGIAN PENYUSUNAN PROGRAM", "KEPALA SUB BAGIAN KEUANGAN"],
            kb.Jabatan.Select(j => j.Nama));
        AssertDocumented(new KnowledgeBase(kb.Jabatan.Take(3).ToList(), []),
            except: Documented.Keys.Skip(3).ToArray());
        var keuangan = kb.Find("KEPALA SUB BAGIAN KEUANGAN")!;
        Assert.Equal(8, keuangan.Tugas.Count);
        Assert.Single(keuangan.Fungsi);
        Assert.Equal(Enumerable.Range(1, keuanganRows), keuangan.Indikator.Select(r => r.No));
    }

    [Fact]
    public void A_row_cut_in_its_program_cell_keeps_the_rows_before_and_what_the_half_row_has()
    {
        var kb = Parse(CutAfter(KeuanganRow5, "5\tMelakukan Penyusunan Laporan".Length));

        AssertFirstFourJabatanThenKeuangan(kb, 5);
        var half = kb.Find("KEPALA SUB BAGIAN KEUANGAN")!.Indikator[4];
        Assert.Equal("Melakukan Penyusunan Laporan", half.Program);
        Assert.Equal("", half.Uraian);
        Assert.Empty(half.Rincian);
        Assert.Empty(kb.Report);
    }

    [Fact]
    public void A_row_cut_in_its_indicator_cell_keeps_the_program_and_the_start_of_the_indicator()
    {
        var kb = Parse(CutAfter(KeuanganRow5, KeuanganRow5.Length - "umen yang dibuat".Length));

        AssertFirstFourJabatanThenKeuangan(kb, 5);
        var half = kb.Find("KEPALA SUB BAGIAN KEUANGAN")!.Indikator[4];
        Assert.Equal("Melakukan Penyusunan Laporan Keuangan (Laporan Realisasi Anggaran, Neraca dan Lain-lain)", half.Program);
        Assert.Equal("Jumlah Dok", half.Uraian);
        Assert.Empty(kb.Report);
    }

    [Fact]
    public void A_rincian_row_cut_in_half_keeps_its_start_under_the_row_above()
    {
        var kb = Parse(CutAfter("\t\t1. LRA", "\t\t1. L".Length));

        AssertFirstFourJabatanThenKeuangan(kb, 5);
        Assert.Equal(["1. L"], kb.Find("KEPALA SUB BAGIAN KEUANGAN")!.Indikator[4].Rincian);
        Assert.Empty(kb.Report);
    }

    [Fact]
    public void A_row_cut_inside_its_number_is_reported_and_the_rows_before_are_kept()
    {
        // "10<TAB>Pelaksanaan pelatihan..." of the last table cut to "1": no tab, so no column to place it in.
        var text = CutAfter("10\tPelaksanaan pelatihan/bimbingan teknis", 1);
        var kb = Parse(text);

        Assert.Equal(27, kb.Jabatan.Count);
        AssertDocumented(kb, except: "SEKSI PERLUASAN KESEMPATAN KERJA");
        Assert.Equal(Enumerable.Range(1, 9), kb.Find("SEKSI PERLUASAN KESEMPATAN KERJA")!.Indikator.Select(r => r.No));
        var issue = Assert.Single(kb.Report);
        Assert.Equal(text.Split('\n').Length, issue.Line);
        Assert.Equal("1", issue.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_document_cut_right_after_a_table_header_keeps_the_jabatan_with_an_empty_table(bool withNewline)
    {
        var header = "NO\tPROGRAM\tINDIKATOR KERJA UTAMA\tPENJELASAN/FORMULASI PENGHITUNGAN\tSUMBER DATA";
        var at = Original.LastIndexOf(header, StringComparison.Ordinal);
        var text = Original[..(at + header.Length)] + (withNewline ? "\n" : "");
        var kb = Parse(text);

        Assert.Equal(27, kb.Jabatan.Count);
        AssertDocumented(kb, except: "SEKSI PERLUASAN KESEMPATAN KERJA");
        var last = kb.Find("SEKSI PERLUASAN KESEMPATAN KERJA")!;
        Assert.Equal((13, 2), (last.Tugas.Count, last.Fungsi.Count));
        Assert.Empty(last.Indikator);
        Assert.Equal(213 - 11, kb.Jabatan.Sum(j => j.Indikator.Count));
        Assert.Empty(kb.Report);
    }

    [Fact]
    public void A_document_cut_inside_a_table_header_reports_the_half_header()
    {
        var header = "NO\tPROGRAM\tINDIKATOR KERJA UTAMA";
        var at = Original.LastIndexOf(header, StringComparison.Ordinal);
        var text = Original[..(at + "NO\tPROG".Length)];
        var kb = Parse(text);

        Assert.Equal(27, kb.Jabatan.Count);
        Assert.Empty(kb.Find("SEKSI PERLUASAN KESEMPATAN KERJA")!.Indikator);
        var issue = Assert.Single(kb.Report);
        Assert.Equal(text.Split('\n').Length, issue.Line);
    }

    // ---------------------------------------------------------------- 6. Empty file

    public static TheoryData<string> EmptyTexts => new() { "", "\n\n\n", "  \r\n\t\r\n" };

    [Theory]
    [MemberData(nameof(EmptyTexts))]
    public void An_empty_text_gives_no_jabatan_and_says_so(string text)
    {
        foreach (var kb in new[] { Parse(text), Parse(Encoding.UTF8.GetBytes(text)) })
        {
            Assert.Empty(kb.Jabatan);
            var issue = Assert.Single(kb.Report);
            Assert.Contains("tidak berisi blok jabatan", issue.Reason);
        }
    }

    [Fact]
    public void An_empty_byte_array_gives_no_jabatan_and_says_so()
    {
        var kb = Parse(Array.Empty<byte>());
        Assert.Empty(kb.Jabatan);
        Assert.Contains("tidak berisi blok jabatan", Assert.Single(kb.Report).Reason);
    }

    // ---------------------------------------------------------------- 7. Binary file

    private static byte[] RandomBytes()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[100] = 0;
        return bytes;
    }

    private static readonly byte[] PngHeader =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
         0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00, 0x5C, 0x72, 0xA8, 0x66];

    public static TheoryData<string, byte[]> BinaryFiles => new()
    {
        { "random bytes", RandomBytes() },
        { "png", PngHeader },
        { "png signature only", PngHeader[..8] },
        { "zip of a docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00] },
        { "text then binary", [.. Encoding.UTF8.GetBytes(Original[..2000]), 0x00, 0x01, 0x02] },
    };

    [Theory]
    [MemberData(nameof(BinaryFiles))]
    public void A_binary_file_gives_no_jabatan_and_one_report_entry_saying_it_is_not_text(string what, byte[] bytes)
    {
        var kb = Parse(bytes);
        Assert.True(kb.Jabatan.Count == 0, what);
        Assert.Contains("bukan teks", Assert.Single(kb.Report).Reason);
    }

    [Theory]
    [MemberData(nameof(BinaryFiles))]
    public void A_binary_file_read_into_a_string_is_also_refused_as_not_text(string what, byte[] bytes)
    {
        // What File.ReadAllText or Encoding.UTF8.GetString would hand to Parse(string).
        var kb = Parse(Encoding.UTF8.GetString(bytes));
        Assert.True(kb.Jabatan.Count == 0, what);
        Assert.Contains("bukan teks", Assert.Single(kb.Report).Reason);
    }

    // ---------------------------------------------------------------- 8. Text outside any block

    private static string Prepend(string line) => line + "\n" + Original;

    [Theory]
    [InlineData("Lampiran II Peraturan Bupati Nomor 12 Tahun 2020")]
    [InlineData("DINAS TENAGA KERJA KABUPATEN")]
    public void A_stray_line_before_the_first_block_is_reported_with_its_line_number(string stray)
    {
        var kb = Parse(Prepend(stray));

        AssertDocumented(kb);
        Assert.Equal(27, kb.Jabatan.Count);
        var issue = Assert.Single(kb.Report);
        Assert.Equal(1, issue.Line);
        Assert.Equal(stray, issue.Text);
        Assert.Contains("di luar blok jabatan", issue.Reason);
    }

    [Fact]
    public void A_stray_line_between_a_heading_and_its_block_is_reported()
    {
        var lines = OriginalLines.ToList();
        var heading = LineOf(lines.ToArray(), "1. Jabatan : SEKRETARIS") - 2; // 1-based line of the heading before it
        Assert.Equal("INDIKATOR KINERJA INDIVIDU", lines[heading - 1]);
        lines.Insert(heading, "Halaman 2 dari 14");
        var kb = Parse(string.Join("\n", lines));

        AssertDocumented(kb);
        var issue = Assert.Single(kb.Report);
        Assert.Equal((heading + 1, "Halaman 2 dari 14"), (issue.Line, issue.Text));
    }

    [Fact]
    public void A_table_row_with_no_table_and_no_jabatan_is_reported_and_not_loaded()
    {
        var kb = Parse(Prepend("1\tProgram tanpa jabatan\tIndikator tanpa jabatan\t\t"));

        AssertDocumented(kb);
        Assert.Equal(27, kb.Jabatan.Count);
        Assert.DoesNotContain(kb.Jabatan, j => j.Indikator.Any(r => r.Program == "Program tanpa jabatan"));
        var issue = Assert.Single(kb.Report);
        Assert.Equal(1, issue.Line);
        Assert.Contains("tanpa nama", issue.Reason);
        Assert.Contains("1 baris indikator", issue.Reason);
    }

    [Fact]
    public void A_rincian_row_with_no_row_above_is_reported_at_the_start_of_the_document()
    {
        var kb = Parse(Prepend("\t\t- Tempat penyuluhan\t\t"));

        AssertWholeDocumentButReport(kb);
        var issue = Assert.Single(kb.Report);
        Assert.Equal((1, "- Tempat penyuluhan"), (issue.Line, issue.Text));
        Assert.Contains("Rincian tanpa baris indikator", issue.Reason);
    }

    [Fact]
    public void A_rincian_row_right_under_a_table_header_is_reported_not_hung_on_another_table()
    {
        var lines = OriginalLines.ToList();
        var header = LineOf(lines.ToArray(), "NO\tPROGRAM"); // KEPALA DINAS's table
        lines.Insert(header, "\t\t1. LRA\t\t");
        var kb = Parse(string.Join("\n", lines));

        AssertWholeDocumentButReport(kb);
        var issue = Assert.Single(kb.Report);
        Assert.Equal(header + 1, issue.Line);
        Assert.Contains("Rincian tanpa baris indikator", issue.Reason);
    }

    private static void AssertWholeDocumentButReport(KnowledgeBase kb) =>
        AssertWholeDocument(new KnowledgeBase(kb.Jabatan, []));

    // ---------------------------------------------------------------- 9. Block without a name

    [Theory]
    [InlineData("1. Jabatan : KEPALA DINAS", "1. Jabatan", "KEPALA DINAS")]
    [InlineData(": KEPALA SUB BAGIAN KEPEGAWAIAN", null, "KEPALA SUB BAGIAN KEPEGAWAIAN")]
    [InlineData("- : ADMINISTRASI UMUM", null, "ADMINISTRASI UMUM")]
    public void A_block_without_a_name_is_reported_and_not_loaded(string nameLine, string? replacement, string lost)
    {
        var lines = OriginalLines.ToList();
        var at = lines.IndexOf(nameLine);
        Assert.True(at >= 0);
        if (replacement is null) lines.RemoveAt(at); else lines[at] = replacement;
        var text = string.Join("\n", lines);
        var blockStart = text.Split('\n').Take(at + 1).Select((l, i) => (l, i)).Last(x => x.l.StartsWith("1. Jabatan")).i + 1;
        var kb = Parse(text);

        Assert.Equal(26, kb.Jabatan.Count);
        Assert.All(kb.Jabatan, j => Assert.False(string.IsNullOrWhiteSpace(j.Nama)));
        Assert.Null(kb.Find(lost));
        AssertDocumented(kb, except: lost);
        var issue = Assert.Single(kb.Report);
        Assert.Equal(blockStart, issue.Line);
        var (t, f, r, _) = Documented[lost];
        Assert.Contains($"tanpa nama ({t} tugas, {f} fungsi, {r} baris indikator)", issue.Reason);
    }

    // ---------------------------------------------------------------- 10. BOM and non-breaking spaces

    [Fact]
    public void A_utf8_bom_in_the_bytes_changes_nothing()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. BundledDocument.ReadBytes()];
        AssertWholeDocument(Parse(bytes));
    }

    [Fact]
    public void A_bom_left_in_a_string_changes_nothing()
    {
        // Encoding.UTF8.GetString keeps the BOM as U+FEFF; it is not whitespace to .NET.
        AssertWholeDocument(Parse("\uFEFF" + Original));
    }

    [Fact]
    public void A_bom_right_before_the_first_label_does_not_cost_the_first_name()
    {
        var fromLabel = Original[Original.IndexOf("1. Jabatan : KEPALA DINAS", StringComparison.Ordinal)..];
        AssertWholeDocument(Parse("\uFEFF" + fromLabel));
        AssertWholeDocument(Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(fromLabel)]));
    }

    [Theory]
    [InlineData('\u00A0')]
    [InlineData('\u202F')]
    public void Non_breaking_spaces_everywhere_leave_names_and_texts_exact(char nbsp)
    {
        var text = Original.Replace(' ', nbsp).Replace("\n", nbsp + "\n");
        var kb = Parse(text);

        AssertWholeDocument(kb);
        Assert.StartsWith("Membantu Bupati melaksanakan urusan pemerintahan", kb.Find("KEPALA DINAS")!.Tugas[0]);
        Assert.Equal(["1. LRA", "2. Neraca"], kb.Find("KEPALA SUB BAGIAN KEUANGAN")!.Indikator[4].Rincian);
        Assert.All(kb.Jabatan.SelectMany(j => j.Tugas.Concat(j.Fungsi).Append(j.Nama)),
            s => Assert.DoesNotContain(nbsp, s));
    }

    // ---------------------------------------------------------------- repeated rows and names

    [Fact]
    public void A_row_printed_twice_stays_in_its_own_table_and_the_copy_is_reported()
    {
        // A row repeated across a page break must not start a "fragment" that the reader then moves to another
        // jabatan whose table happens to stop right before it (KEPALA BIDANG PENEMPATAN stops at row 6).
        var lines = OriginalLines.ToList();
        var row7 = LineOf(lines.ToArray(), "7\tMengkoordinir pelaksanaan kebijakan teknis");
        lines.Insert(row7, lines[row7 - 1]);
        var kb = Parse(string.Join("\n", lines));

        AssertWholeDocumentButReport(kb);
        var issue = Assert.Single(kb.Report);
        Assert.Equal(row7 + 1, issue.Line);
        Assert.StartsWith("7\t", issue.Text);
    }

    [Fact]
    public void A_jabatan_label_printed_twice_keeps_one_full_jabatan()
    {
        // Before: the first copy became an empty KEPALA DINAS and the real block was dropped as a duplicate name.
        var lines = OriginalLines.ToList();
        var label = lines.IndexOf("1. Jabatan : KEPALA DINAS");
        lines.Insert(label, lines[label]);
        AssertWholeDocument(Parse(string.Join("\n", lines)));
    }

    [Fact]
    public void A_second_block_with_a_name_already_seen_is_reported_with_what_it_held()
    {
        var (preamble, blocks) = SplitBlocks(OriginalLines);
        var text = Join(preamble, [.. blocks, blocks[0]]);
        var kb = Parse(text);

        AssertWholeDocumentButReport(kb);
        var issue = Assert.Single(kb.Report);
        Assert.Equal(LineOf(text.Split('\n').Skip(30).ToArray(), "1. Jabatan : KEPALA DINAS") + 30, issue.Line);
        Assert.Equal("KEPALA DINAS", issue.Text);
        Assert.Contains("muncul dua kali", issue.Reason);
        Assert.Contains("(1 tugas, 5 fungsi, 11 baris indikator) tidak dimuat", issue.Reason);
    }

    // ---------------------------------------------------------------- property: random damage

    private static readonly Regex RowLine = new(@"^(\d+)\t", RegexOptions.Compiled);
    private static readonly Regex DroppedBlockRows = new(@"(\d+) baris indikator\) tidak dimuat", RegexOptions.Compiled);

    /// <summary>
    /// Invariant, for any input: every line that starts with digits and a tab is a numbered table row, and each such
    /// row ends up in exactly one place — kept in a loaded jabatan's table, reported on its own line (no table fits,
    /// no usable number, a repeated copy), or counted in the report entry of a block that was not loaded (no name,
    /// name seen before), whose reason states how many indicator rows it held. So
    ///     rows printed == rows kept + row lines reported on their own + rows counted in "not loaded" entries.
    /// A "Nomor baris melompat" entry is a note on a row that is kept, so it is not counted.
    /// And every kept row is one of the printed rows (same number, program and indicator).
    /// </summary>
    private static void AssertNothingSilentlyDropped(string text, KnowledgeBase kb)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var rowLines = new HashSet<int>();
        var printed = new HashSet<(int, string, string)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var m = RowLine.Match(lines[i]);
            if (!m.Success) continue;
            rowLines.Add(i + 1);
            var cells = lines[i].Split('\t').Select(c => TextNormalizer.Collapse(c)).ToArray();
            if (int.TryParse(cells[0], out var no))
                printed.Add((no, IndikatorText.Clean(cells.Length > 1 ? cells[1] : ""), IndikatorText.Clean(cells.Length > 2 ? cells[2] : "")));
        }

        var kept = kb.Jabatan.Sum(j => j.Indikator.Count);
        var inDroppedBlocks = kb.Report.Select(r => DroppedBlockRows.Match(r.Reason))
            .Where(m => m.Success).Sum(m => int.Parse(m.Groups[1].Value));
        var reportedAlone = kb.Report
            .Where(r => rowLines.Contains(r.Line))
            .Where(r => !DroppedBlockRows.IsMatch(r.Reason) && !r.Reason.StartsWith("Nomor baris melompat", StringComparison.Ordinal))
            .Select(r => r.Line).Distinct().Count();

        Assert.True(rowLines.Count == kept + reportedAlone + inDroppedBlocks,
            $"printed {rowLines.Count} rows; kept {kept}, reported alone {reportedAlone}, in blocks not loaded {inDroppedBlocks}");
        foreach (var j in kb.Jabatan)
            foreach (var r in j.Indikator)
                Assert.True(printed.Contains((r.No, r.Program, r.Uraian)), $"{j.Nama} row {r.No} was never printed");
    }

    [Fact]
    public void The_invariant_holds_on_the_bundled_document()
    {
        AssertNothingSilentlyDropped(Original, Parse(Original));
    }

    public static IEnumerable<object[]> Mutations()
    {
        var rng = new Random(20240611);
        for (var i = 0; i < 200; i++)
        {
            var lines = OriginalLines.ToList();
            var kind = rng.Next(4);
            string what;
            switch (kind)
            {
                case 0:
                {
                    var at = rng.Next(lines.Count);
                    what = $"delete line {at + 1}";
                    lines.RemoveAt(at);
                    break;
                }
                case 1:
                {
                    var at = rng.Next(lines.Count);
                    what = $"duplicate line {at + 1}";
                    lines.Insert(at, lines[at]);
                    break;
                }
                case 2:
                {
                    var a = rng.Next(lines.Count);
                    var b = rng.Next(lines.Count);
                    what = $"swap lines {a + 1} and {b + 1}";
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    break;
                }
                default:
                {
                    var at = rng.Next(Original.Length + 1);
                    yield return [$"#{i}: truncate at offset {at}", Original[..at]];
                    continue;
                }
            }
            yield return [$"#{i}: {what}", string.Join("\n", lines)];
        }
    }

    [Fact]
    public void Random_damage_never_throws_never_loads_a_nameless_jabatan_and_drops_no_row_silently()
    {
        var failures = new List<string>();
        foreach (var m in Mutations())
        {
            var (what, text) = ((string)m[0], (string)m[1]);
            try
            {
                var kb = Parse(text);
                Assert.All(kb.Jabatan, j => Assert.False(string.IsNullOrWhiteSpace(j.Nama)));
                Assert.Equal(kb.Jabatan.Count, kb.Jabatan.Select(j => j.Nama).Distinct(StringComparer.OrdinalIgnoreCase).Count());
                Assert.All(kb.Report, r => Assert.InRange(r.Line, 0, text.Split('\n').Length));
                AssertNothingSilentlyDropped(text, kb);
            }
            catch (Exception e)
            {
                failures.Add($"{what}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
