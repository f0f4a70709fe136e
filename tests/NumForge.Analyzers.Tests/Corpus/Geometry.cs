// Corpus: computational geometry for a mesh tool. Vertex positions are stored compressed in Half (as glTF
// KHR_mesh_quantization allows); most math is float.
using System;
using System.Collections.Generic;
using NumForge;

namespace Corpus.Geometry;

public readonly record struct Point3(float X, float Y, float Z)
{
    public static Point3 operator -(Point3 a, Point3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Point3 Cross(Point3 a, Point3 b) => new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);

    public float Length => MathF.Sqrt(X * X + Y * Y + Z * Z);
}

/// <summary>A triangle mesh with Half-compressed positions.</summary>
public sealed class CompressedMesh
{
    public CompressedMesh(Half[] positions, int[] indices)
    {
        Positions = positions;
        Indices = indices;
    }

    public Half[] Positions { get; }

    public int[] Indices { get; }

    public Point3 Vertex(int i) => new((float)Positions[3 * i], (float)Positions[3 * i + 1], (float)Positions[3 * i + 2]);

    /// <summary>Surface area in double.</summary>
    public double Area()
    {
        double area = 0;
        for (int t = 0; t < Indices.Length; t += 3)
        {
            Point3 a = Vertex(Indices[t]);
            Point3 b = Vertex(Indices[t + 1]);
            Point3 c = Vertex(Indices[t + 2]);
            area += 0.5 * Point3.Cross(b - a, c - a).Length;
        }

        return area;
    }

    /// <summary>Axis-aligned bounds: min/max only.</summary>
    public (Half Min, Half Max) BoundsX()
    {
        Half min = Half.PositiveInfinity;
        Half max = Half.NegativeInfinity;
        for (int i = 0; i < Positions.Length; i += 3)
        {
            Half x = Positions[i];
            if (x < min)
            {
                min = x;
            }

            if (x > max)
            {
                max = x;
            }
        }

        return (min, max);
    }

    /// <summary>Centroid with the coordinate sums in Half.</summary>
    public (Half X, Half Y, Half Z) CentroidHalf()
    {
        Half sx = Half.Zero;
        Half sy = Half.Zero;
        Half sz = Half.Zero;
        int n = Positions.Length / 3;
        for (int i = 0; i < n; i++)
        {
            sx += Positions[3 * i];
            sy += Positions[3 * i + 1];
            sz += Positions[3 * i + 2];
        }

        Half count = (Half)(float)n;
        return (sx / count, sy / count, sz / count);
    }

    /// <summary>Per-vertex normals accumulated from faces into a float buffer.</summary>
    public float[] VertexNormals()
    {
        var normals = new float[Positions.Length];
        for (int t = 0; t < Indices.Length; t += 3)
        {
            Point3 a = Vertex(Indices[t]);
            Point3 b = Vertex(Indices[t + 1]);
            Point3 c = Vertex(Indices[t + 2]);
            Point3 n = Point3.Cross(b - a, c - a);
            for (int k = 0; k < 3; k++)
            {
                int v = Indices[t + k];
                normals[3 * v] += n.X;
                normals[3 * v + 1] += n.Y;
                normals[3 * v + 2] += n.Z;
            }
        }

        return normals;
    }

    /// <summary>Vertex valence counted into Half per vertex (a scatter count).</summary>
    public Half[] Valence()
    {
        var valence = new Half[Positions.Length / 3];
        foreach (int index in Indices)
        {
            valence[index]++;
        }

        return valence;
    }

    /// <summary>Translate every vertex in Half.</summary>
    public void Translate(Half dx, Half dy, Half dz)
    {
        for (int i = 0; i < Positions.Length; i += 3)
        {
            Positions[i] += dx;
            Positions[i + 1] += dy;
            Positions[i + 2] += dz;
        }
    }
}

/// <summary>2D polygon helpers.</summary>
public static class Polygons
{
    /// <summary>Shoelace area in double.</summary>
    public static double Area(IReadOnlyList<(double X, double Y)> polygon)
    {
        double twice = 0;
        for (int i = 0; i < polygon.Count; i++)
        {
            var (x0, y0) = polygon[i];
            var (x1, y1) = polygon[(i + 1) % polygon.Count];
            twice += x0 * y1 - x1 * y0;
        }

        return Math.Abs(twice) / 2;
    }

    /// <summary>Shoelace area on BFloat16 coordinates, summed in BFloat16.</summary>
    public static BFloat16 AreaBf16(BFloat16[] xs, BFloat16[] ys)
    {
        BFloat16 twice = BFloat16.Zero;
        for (int i = 0; i < xs.Length; i++)
        {
            int j = (i + 1) % xs.Length;
            twice += xs[i] * ys[j] - xs[j] * ys[i];
        }

        return twice / (BFloat16)2f;
    }

    /// <summary>Perimeter with float accumulation over Half vertices.</summary>
    public static float Perimeter(Half[] xs, Half[] ys)
    {
        float perimeter = 0f;
        for (int i = 0; i < xs.Length; i++)
        {
            int j = (i + 1) % xs.Length;
            float dx = (float)xs[j] - (float)xs[i];
            float dy = (float)ys[j] - (float)ys[i];
            perimeter += MathF.Sqrt(dx * dx + dy * dy);
        }

        return perimeter;
    }

    /// <summary>Point in polygon by ray casting, float.</summary>
    public static bool Contains(float[] xs, float[] ys, float px, float py)
    {
        bool inside = false;
        for (int i = 0, j = xs.Length - 1; i < xs.Length; j = i++)
        {
            if ((ys[i] > py) != (ys[j] > py) && px < (xs[j] - xs[i]) * (py - ys[i]) / (ys[j] - ys[i]) + xs[i])
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>Snaps a Half coordinate to a grid of 0.1 units and checks whether it landed exactly.</summary>
    public static bool IsOnGrid(Half coordinate) => (float)coordinate % 0.1f == 0f;

    public static bool IsAtOrigin(Half x, Half y) => (float)x == 0f && (float)y == 0f;
}
