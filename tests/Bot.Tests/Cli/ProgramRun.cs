namespace IkiBot.Bot.Tests.Cli;

/// <summary>Runs <see cref="Program.Main"/> as a script would: standard input given, standard output and error captured.</summary>
internal static class ProgramRun
{
    public static (int Code, string Out, string Err) Of(params string[] args) => WithInput("", args);

    public static (int Code, string Out, string Err) WithInput(string stdin, params string[] args)
    {
        var (oldIn, oldOut, oldErr) = (Console.In, Console.Out, Console.Error);
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            Console.SetIn(new StringReader(stdin));
            Console.SetOut(output);
            Console.SetError(error);
            return (Program.Main(args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetIn(oldIn);
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}
