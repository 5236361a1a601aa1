using IkiBot.Bot.Configuration;
using IkiBot.Data;

namespace IkiBot.Bot.Cli;

/// <summary>Runs a verb that needs only the database: no document, no index, no conversation (starts in a fraction of a second).</summary>
public static class DatabaseVerb
{
    public static int Run(BotSettings settings, Func<IkiDbContextFactory, Task<int>> verb)
    {
        var database = settings.OpenDatabase();
        try
        {
            return verb(database).GetAwaiter().GetResult();
        }
        finally
        {
            database.ReleaseConnections();
        }
    }
}
