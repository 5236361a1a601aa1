using IkiBot.Knowledge.Understanding;

namespace IkiBot.Knowledge.Tests.Understanding;

/// <summary>
/// Pay a company owes its workers (THR, wages under the minimum) is a labour matter the office handles; salary asked
/// about for itself stays outside the document.
/// </summary>
public class LabourComplaintTests
{
    private static readonly IkiKnowledge Knowledge = IkiKnowledge.LoadBundled();

    [Theory]
    [InlineData("perusahaan ga bayar thr ngadu ke siapa")]
    [InlineData("keluhan gaji di bawah umr lapor kemana")]
    [InlineData("karyawan digaji di bawah ump, lapor ke mana")]
    public void A_complaint_about_pay_goes_to_the_wage_section(string question)
    {
        var interpretation = Knowledge.Ask(question).Interpretation;
        Assert.Equal(Intent.Siapa, interpretation.Intent);
        Assert.Equal("SEKSI SYARAT KERJA, UPAH DAN JAMINAN SOSIAL", interpretation.Jabatan[0].Nama);
    }

    [Theory]
    [InlineData("berapa gaji kepala dinas")]
    [InlineData("kapan thr pns cair")]
    [InlineData("gaji saya kapan naik")]
    public void Salary_for_itself_is_outside_the_document(string question) =>
        Assert.Equal(SmallTalk.OutOfScope, Knowledge.Ask(question).Interpretation.SmallTalk);
}
