using System.Runtime.CompilerServices;

// The report reader's parts (number/period reading, row scoring) are tested directly.
[assembly: InternalsVisibleTo("IkiBot.Knowledge.Tests")]
