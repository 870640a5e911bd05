namespace NewsLeakExtractor.Tests.Support;

/// <summary>Where the fixtures, the repository and the shared folder are, seen from the test assembly.</summary>
internal static class TestPaths
{
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Pages => Path.Combine(Fixtures, "pages");

    public static string Page(string fileName) => Path.Combine(Pages, fileName);

    /// <summary>The CLI as built next to the test assembly (the test project references it).</summary>
    public static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "NewsLeakExtractor.dll");

    /// <summary>The folder holding NewsLeakExtractor.sln, found by walking up from the test output; null when it is not above it.</summary>
    public static string? RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NewsLeakExtractor.sln")))
                {
                    return dir.FullName;
                }
            }

            return null;
        }
    }

    /// <summary>The project's shared folder, a sibling of the repository (<c>../shared</c>); null when the repository root is unknown.</summary>
    public static string? SharedFolder => RepositoryRoot is { } root ? Path.GetFullPath(Path.Combine(root, "..", "shared")) : null;
}

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nle-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public string Write(string relative, string content) => Write(relative, System.Text.Encoding.UTF8.GetBytes(content));

    public string Write(string relative, byte[] content)
    {
        var full = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a killed child process; the temp folder is cleaned by the system.
        }
    }
}
