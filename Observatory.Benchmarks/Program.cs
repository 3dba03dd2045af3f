using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Observatory.Benchmarks;

public static class Program
{
    /// <summary>
    /// Every BenchmarkDotNet command-line option works (<c>--filter</c>, <c>--job short</c>, <c>--inProcess</c>, …).
    /// Results go to <c>Observatory.Benchmarks/BenchmarkDotNet.Artifacts</c> (git-ignored) rather than to the
    /// current directory, unless <c>--artifacts</c> says otherwise.
    /// </summary>
    public static void Main(string[] args)
    {
        IConfig config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(ProjectDirectory(), "BenchmarkDotNet.Artifacts"));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }

    /// <summary>The folder holding this project file (found upwards from bin/…), else the output folder.</summary>
    private static string ProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Observatory.Benchmarks.csproj")))
            {
                return directory.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
