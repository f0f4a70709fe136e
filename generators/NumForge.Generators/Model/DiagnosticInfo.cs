using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NumForge.Generators.Model
{
    /// <summary>Where a diagnostic goes, as plain data (a <see cref="Location"/> would keep a syntax tree alive).</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

        public static LocationInfo? From(Location? location)
        {
            if (location is null || location.SourceTree is null)
            {
                return null;
            }

            return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
        }
    }

    /// <summary>A diagnostic to report, carried through the pipeline beside the model (CommunityToolkit.Mvvm style).</summary>
    internal sealed record DiagnosticInfo(string Id, string Message, LocationInfo? Location);
}
