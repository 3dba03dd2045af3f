using System.Runtime.CompilerServices;

namespace Observatory.Tests.Analysis.Evaluation;

/// <summary>Finds and loads the evaluation set.</summary>
internal static class EvaluationSet
{
    private static readonly string[] RelativeFolder = ["Observatory.Tests", "Analysis", "Evaluation", "Conversations"];

    /// <summary>
    /// The folder with the case files. The files are not copied to the build output (the test project file is not
    /// ours to change), so they are read from the source tree: the folder holding Observatory.sln, found by walking
    /// up from the test assembly. A build outside the repository (a scratch project compiling these sources) falls
    /// back to the folder this source file was compiled from.
    /// </summary>
    public static string Folder { get; } = FindFolder();

    /// <summary>File names (not paths) of every case, in ordinal order.</summary>
    public static IReadOnlyList<string> FileNames() =>
        Directory.GetFiles(Folder, "*.json")
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static EvaluationCase Load(string fileName) => EvaluationCase.Load(Path.Combine(Folder, fileName));

    public static IReadOnlyList<EvaluationCase> LoadAll() => FileNames().Select(Load).ToArray();

    private static string FindFolder([CallerFilePath] string sourceFile = "")
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Observatory.sln")))
            {
                string folder = Path.Combine([directory.FullName, .. RelativeFolder]);
                if (Directory.Exists(folder))
                {
                    return folder;
                }
            }
        }

        string besideSource = Path.Combine(Path.GetDirectoryName(sourceFile) ?? ".", "Conversations");
        return Directory.Exists(besideSource)
            ? besideSource
            : throw new DirectoryNotFoundException(
                $"Evaluation conversations not found: no Observatory.sln above {AppContext.BaseDirectory} and no {besideSource}.");
    }
}
