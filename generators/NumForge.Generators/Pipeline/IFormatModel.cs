namespace NumForge.Generators.Pipeline
{
    /// <summary>A family's valid, equatable model: it knows the user's struct it is for.</summary>
    internal interface IFormatModel
    {
        /// <summary>The user's struct, as plain data.</summary>
        TargetType Target { get; }
    }
}
