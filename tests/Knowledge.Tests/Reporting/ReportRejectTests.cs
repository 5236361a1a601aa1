using IkiBot.Knowledge.Reporting;

namespace IkiBot.Knowledge.Tests.Reporting;

/// <summary>Every reason to store nothing: the message says why, in Indonesian, and what can be reported instead.</summary>
[Collection(ReportCollection.Name)]
public sealed class ReportRejectTests(ReportFixture fixture)
{
    private const string Pendataan = "SEKSI PENDATAAN DAN INFORMASI KETENAGAKERJAAN";
    private const string Produktifitas = "SEKSI PRODUKTIFITAS TENAGA KERJA";
    private const string Perluasan = "SEKSI PERLUASAN KESEMPATAN KERJA";

    private static readonly string[] IndonesianWords =
        ["yang", "tidak", "bisa", "belum", "angka", "periode", "jabatan", "indikator", "jumlah", "tulis", "pesan", "laporan", "dicatat", "bukan", "saja"];

    private static readonly string[] EnglishWords = ["the ", "please", "invalid", "error", "exception", "value", "number", "null"];

    private static void AssertIndonesian(string message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message));
        var lower = message.ToLowerInvariant();
        Assert.True(IndonesianWords.Count(lower.Contains) >= 2, $"not Indonesian enough: {message}");
        Assert.DoesNotContain(EnglishWords, w => lower.Contains(w));
    }

    /// <summary>The message offers example lines, and each one, as typed, is read as a report of that jabatan.</summary>
    private void AssertOffersExamples(string jabatan, string message)
    {
        var examples = message.Split('\n').Where(l => l.StartsWith("contoh: ")).Select(l => l["contoh: ".Length..]).ToList();
        Assert.InRange(examples.Count, 1, 3);
        foreach (var example in examples)
        {
            var d = fixture.Read(jabatan, example);
            Assert.True(d.Status == ReportStatus.Ok, $"example \"{example}\" reads as {d.Status}: {d.Message}");
        }
    }

    private ReportDecision AssertRejected(string jabatan, string text, string because)
    {
        var d = fixture.Read(jabatan, text);
        Assert.True(d.Status == ReportStatus.Reject, $"{d.Status} [{string.Join(",", d.Candidates.Select(r => r.No))}]: {d.Message}");
        Assert.Null(d.Row);
        Assert.Empty(d.Candidates);
        Assert.Contains(because, d.Message);
        AssertIndonesian(d.Message);
        return d;
    }

    [Theory]
    [InlineData("", "kosong")]
    [InlineData("   \n ", "kosong")]
    [InlineData("🙏🙏👍", "tidak menemukan laporan")]
    [InlineData("~^\"", "tidak menemukan laporan")]
    public void Empty_or_wordless_messages(string text, string because) =>
        AssertOffersExamples(Pendataan, AssertRejected(Pendataan, text, because).Message);

    [Fact]
    public void A_huge_message()
    {
        var text = string.Concat(Enumerable.Repeat("SPJ diketik 5 ", 40));
        Assert.True(text.Length > ReportInterpreter.MaxTextLength);
        AssertOffersExamples(Pendataan, AssertRejected(Pendataan, text, "terlalu panjang").Message);
    }

    [Theory]
    [InlineData("*:* AND (")]
    [InlineData("~^\"")]
    [InlineData("SPJ:* OR diketik~2 ^3 [1 TO 5]")]
    [InlineData("\\\\ \" \" ( ) { } && || !")]
    public void Query_syntax_never_throws(string text)
    {
        var d = fixture.Read(Pendataan, text);
        Assert.NotEqual(ReportStatus.Ok, d.Status);
        AssertIndonesian(d.Message);
    }

    [Fact]
    public void No_number()
    {
        var d = AssertRejected(Pendataan, "SPJ udh diketik semua", "Angkanya belum ada");
        AssertOffersExamples(Pendataan, d.Message);
        Assert.StartsWith("contoh: spj yang diketik", d.Message.Split('\n').First(l => l.StartsWith("contoh: "))); // the row it seemed to mean first
    }

    [Theory]
    [InlineData("PENGADMINISTRASI BARANG", "laporan tribulan 2", "triwulan")]
    [InlineData(Pendataan, "SPJ thn 2025 diketik", "tahun")]
    [InlineData(Pendataan, "SPJ diketik bulan 11", "bulan")]
    public void Only_numbers_that_are_not_counts(string jabatan, string text, string readAs)
    {
        var d = AssertRejected(jabatan, text, "Angka jumlahnya belum ada");
        Assert.Contains(readAs, d.Message);
        AssertOffersExamples(jabatan, d.Message);
    }

    [Theory]
    [InlineData("SPJ diketik -4", -4)]
    [InlineData("SPJ diketik minus 4", -4)]
    public void Negative_values(string text, int value)
    {
        var d = AssertRejected(Pendataan, text, "negatif");
        Assert.Equal(value, d.Value);
        AssertOffersExamples(Pendataan, d.Message);
    }

    [Theory]
    [InlineData("SPJ diketik 2,5")]
    [InlineData("SPJ diketik 2.5")]
    [InlineData("SPJ diketik setengah")]
    [InlineData("SPJ diketik dua koma lima")]
    public void Fractions(string text)
    {
        var d = AssertRejected(Pendataan, text, "bukan bilangan bulat");
        Assert.Null(d.Value);
        AssertOffersExamples(Pendataan, d.Message);
    }

    [Theory]
    [InlineData("SPJ diketik 4500000", 4_500_000)]
    [InlineData("SPJ diketik 4.500.000", 4_500_000)]
    [InlineData("SPJ diketik 20 ribu", 20_000)]
    public void Values_above_the_maximum(string text, int value)
    {
        var d = AssertRejected(Pendataan, text, "terlalu besar");
        Assert.Equal(value, d.Value);
        Assert.Contains("10.000", d.Message);
        AssertOffersExamples(Pendataan, d.Message);
    }

    [Fact]
    public void MaxValue_is_an_option()
    {
        using var knowledge = IkiKnowledge.LoadBundled();
        var small = new ReportInterpreter(knowledge, new ReportOptions { MaxValue = 50 });
        Assert.Equal(ReportStatus.Ok, small.Interpret(Pendataan, "SPJ diketik 50", ReportFixture.Now).Status);
        var d = small.Interpret(Pendataan, "SPJ diketik 51", ReportFixture.Now);
        Assert.Equal(ReportStatus.Reject, d.Status);
        Assert.Contains("paling banyak 50", d.Message);
    }

    [Theory]
    [InlineData("SPJ diketik 5 dan 7")]
    [InlineData("SPJ diketik 2-3")]
    [InlineData("SPJ diketik dua tiga")]
    public void More_than_one_number(string text)
    {
        var d = AssertRejected(Pendataan, text, "lebih dari satu angka");
        Assert.Null(d.Value);
        AssertOffersExamples(Pendataan, d.Message);
    }

    [Fact]
    public void A_percentage_or_a_lone_date()
    {
        AssertOffersExamples(Pendataan, AssertRejected(Pendataan, "SPJ diketik 80%", "bukan persen").Message);
        AssertOffersExamples(Pendataan, AssertRejected(Pendataan, "SPJ diketik 27 nov", "tanggal").Message);
    }

    [Theory]
    [InlineData(Produktifitas, "rekomendasi paspor PMI diterbitkan 5", "SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI")]
    [InlineData(Produktifitas, "pencaker dilayani 12", "PENGADMINISTRASI INFORMASI PASAR KERJA")]
    [InlineData(Perluasan, "SPJ diketik 3", "SEKSI PENDATAAN DAN INFORMASI KETENAGAKERJAAN")]
    [InlineData(Perluasan, "perselisihan PHK ditangani 2 kasus", "SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL")]
    public void Text_that_fits_none_of_the_jabatan_rows(string jabatan, string text, string whose)
    {
        var d = AssertRejected(jabatan, text, "tidak cocok dengan indikator jabatan " + jabatan);
        Assert.Contains(whose, d.Message);
        AssertOffersExamples(jabatan, d.Message);
    }

    [Fact]
    public void Words_without_meaning_here()
    {
        var d = AssertRejected(Perluasan, "mantap jiwa 5", "tidak cocok");
        AssertOffersExamples(Perluasan, d.Message);
    }

    [Theory]
    [InlineData("PENGADMINISTRASI BARANG", "karakteristik obyek kerja dipelajari 3", "no. 1")]
    [InlineData("SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL", "pembinaan SDM mediator 2", "no. 3")]
    public void The_fitting_row_is_NIHIL(string jabatan, string text, string row)
    {
        var d = AssertRejected(jabatan, text, "NIHIL");
        Assert.Contains(row, d.Message);
        AssertOffersExamples(jabatan, d.Message);
    }

    [Fact]
    public void A_jabatan_with_only_empty_rows()
    {
        var d = AssertRejected("PENGADMINISTRASI UMUM", "laporan kegiatan dibuat 3", "NIHIL/kosong");
        Assert.Contains("admin", d.Message);
    }

    [Fact]
    public void Too_vague()
    {
        var d = AssertRejected("SEKSI PELATIHAN KERJA", "kerja 5", "terlalu banyak indikator");
        AssertOffersExamples("SEKSI PELATIHAN KERJA", d.Message);
    }

    [Fact]
    public void Unknown_jabatan_names_the_official_ones()
    {
        var d = AssertRejected("KASI PENDATAAN", "SPJ diketik 5", "tidak ada di dokumen IKI");
        Assert.Contains(Pendataan, d.Message);
        AssertRejected("", "SPJ diketik 5", "tidak ada di dokumen IKI");
    }
}
