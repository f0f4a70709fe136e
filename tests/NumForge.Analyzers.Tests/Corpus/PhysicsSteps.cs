// Corpus: small physics simulations (particles, springs, rigid bodies, heat diffusion) as found in games and
// teaching code. Simulation state is float; network-synchronized snapshots and GPU-bound buffers use Half.
using System;
using System.Collections.Generic;
using NumForge;

namespace Corpus.Physics;

public struct Vector2F
{
    public float X;
    public float Y;

    public Vector2F(float x, float y)
    {
        X = x;
        Y = y;
    }

    public static Vector2F operator +(Vector2F a, Vector2F b) => new Vector2F(a.X + b.X, a.Y + b.Y);

    public static Vector2F operator -(Vector2F a, Vector2F b) => new Vector2F(a.X - b.X, a.Y - b.Y);

    public static Vector2F operator *(Vector2F a, float s) => new Vector2F(a.X * s, a.Y * s);

    public float Length => MathF.Sqrt(X * X + Y * Y);

    public float Dot(Vector2F other) => X * other.X + Y * other.Y;
}

/// <summary>A particle system integrated with semi-implicit Euler in float.</summary>
public sealed class ParticleSystem
{
    private readonly Vector2F[] _position;
    private readonly Vector2F[] _velocity;
    private readonly float[] _inverseMass;

    public ParticleSystem(int count)
    {
        _position = new Vector2F[count];
        _velocity = new Vector2F[count];
        _inverseMass = new float[count];
        Array.Fill(_inverseMass, 1f);
    }

    public Vector2F Gravity { get; set; } = new Vector2F(0f, -9.81f);

    public void Step(float dt)
    {
        for (int i = 0; i < _position.Length; i++)
        {
            if (_inverseMass[i] == 0f)
            {
                continue;
            }

            _velocity[i] = _velocity[i] + Gravity * dt;
            _position[i] = _position[i] + _velocity[i] * dt;
            if (_position[i].Y < 0f)
            {
                _position[i].Y = 0f;
                _velocity[i].Y = -0.5f * _velocity[i].Y;
            }
        }
    }

    public float KineticEnergy()
    {
        double energy = 0;
        for (int i = 0; i < _velocity.Length; i++)
        {
            if (_inverseMass[i] > 0f)
            {
                energy += 0.5 * _velocity[i].Dot(_velocity[i]) / _inverseMass[i];
            }
        }

        return (float)energy;
    }

    /// <summary>Packs positions into Half for the network snapshot.</summary>
    public void WriteSnapshot(Half[] xs, Half[] ys)
    {
        for (int i = 0; i < _position.Length; i++)
        {
            xs[i] = (Half)_position[i].X;
            ys[i] = (Half)_position[i].Y;
        }
    }
}

/// <summary>A particle system whose state lives in Half arrays (shared with a GPU renderer).</summary>
public sealed class HalfParticles
{
    public HalfParticles(int count)
    {
        X = new Half[count];
        V = new Half[count];
    }

    public Half[] X { get; }

    public Half[] V { get; }

    /// <summary>Many steps of Euler integration straight on the Half arrays.</summary>
    public void Simulate(Half dt, Half gravity, int steps)
    {
        Half[] x = X;
        Half[] v = V;
        for (int s = 0; s < steps; s++)
        {
            for (int i = 0; i < x.Length; i++)
            {
                v[i] += gravity * dt;
                x[i] += v[i] * dt;
            }
        }
    }

    /// <summary>Damping applied each step through float, stored back as Half.</summary>
    public void Damp(float damping, int steps)
    {
        Half[] v = V;
        for (int s = 0; s < steps; s++)
        {
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = (Half)((float)v[i] * damping);
            }
        }
    }

    /// <summary>One step computed in float and stored once.</summary>
    public void StepOnce(float dt)
    {
        for (int i = 0; i < X.Length; i++)
        {
            float vi = (float)V[i] - 9.81f * dt;
            V[i] = (Half)vi;
            X[i] = (Half)((float)X[i] + vi * dt);
        }
    }
}

/// <summary>A chain of springs with Verlet integration.</summary>
public static class SpringChain
{
    public static void Verlet(float[] position, float[] previous, float[] rest, float stiffness, float dt, int iterations)
    {
        int n = position.Length;
        var force = new float[n];
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(force);
            for (int i = 0; i < n - 1; i++)
            {
                float stretch = position[i + 1] - position[i] - rest[i];
                float f = stiffness * stretch;
                force[i] += f;
                force[i + 1] -= f;
            }

            for (int i = 1; i < n; i++)
            {
                float current = position[i];
                position[i] = 2f * current - previous[i] + force[i] * dt * dt;
                previous[i] = current;
            }
        }
    }

    /// <summary>Spring energy over a chain stored in BFloat16 with the total in BFloat16.</summary>
    public static BFloat16 Energy(BFloat16[] stretch, BFloat16 stiffness)
    {
        BFloat16 energy = BFloat16.Zero;
        BFloat16 half = (BFloat16)0.5f;
        for (int i = 0; i < stretch.Length; i++)
        {
            energy += half * stiffness * stretch[i] * stretch[i];
        }

        return energy;
    }
}

/// <summary>Heat equation on a 1D rod, explicit scheme.</summary>
public static class HeatDiffusion
{
    public static void Solve(float[] temperature, float alpha, float dx, float dt, int steps)
    {
        var next = new float[temperature.Length];
        float r = alpha * dt / (dx * dx);
        for (int s = 0; s < steps; s++)
        {
            next[0] = temperature[0];
            next[^1] = temperature[^1];
            for (int i = 1; i < temperature.Length - 1; i++)
            {
                next[i] = temperature[i] + r * (temperature[i - 1] - 2f * temperature[i] + temperature[i + 1]);
            }

            Array.Copy(next, temperature, temperature.Length);
        }
    }

    /// <summary>The same scheme on a Half grid, each step in Half.</summary>
    public static void SolveHalf(Half[] temperature, Half r, int steps)
    {
        var next = new Half[temperature.Length];
        Half two = (Half)2f;
        for (int s = 0; s < steps; s++)
        {
            for (int i = 1; i < temperature.Length - 1; i++)
            {
                next[i] = temperature[i] + r * (temperature[i - 1] - two * temperature[i] + temperature[i + 1]);
            }

            for (int i = 1; i < temperature.Length - 1; i++)
            {
                temperature[i] = next[i];
            }
        }
    }

    /// <summary>Total heat in double.</summary>
    public static double TotalHeat(ReadOnlySpan<Half> temperature)
    {
        double sum = 0;
        foreach (Half t in temperature)
        {
            sum += (double)t;
        }

        return sum;
    }
}

/// <summary>Broad-phase collision counting.</summary>
public static class Collisions
{
    public readonly record struct Circle(float X, float Y, float Radius);

    public static int CountOverlaps(IReadOnlyList<Circle> circles)
    {
        int overlaps = 0;
        for (int i = 0; i < circles.Count; i++)
        {
            for (int j = i + 1; j < circles.Count; j++)
            {
                float dx = circles[i].X - circles[j].X;
                float dy = circles[i].Y - circles[j].Y;
                float r = circles[i].Radius + circles[j].Radius;
                if (dx * dx + dy * dy < r * r)
                {
                    overlaps++;
                }
            }
        }

        return overlaps;
    }

    /// <summary>Contact impulses accumulated per body from a contact list, in Half.</summary>
    public static void AccumulateImpulses(int[] bodyA, int[] bodyB, Half[] impulse, Half[] accumulated)
    {
        for (int c = 0; c < impulse.Length; c++)
        {
            accumulated[bodyA[c]] += impulse[c];
            accumulated[bodyB[c]] -= impulse[c];
        }
    }

    /// <summary>Frame counter for the physics tick, kept in Half in a networked struct.</summary>
    public static Half AdvanceTicks(Half tick, int frames)
    {
        for (int f = 0; f < frames; f++)
        {
            tick++;
        }

        return tick;
    }

    /// <summary>Sub-step counter bounded by a small constant.</summary>
    public static float SubSteps(float dt)
    {
        float t = 0f;
        for (Half sub = Half.Zero; sub < (Half)8f; sub++)
        {
            t += dt / 8f;
        }

        return t;
    }
}

/// <summary>A rigid body with angular state kept in float; an orientation cache in Half.</summary>
public sealed class RigidBody
{
    private float _angle;
    private float _angularVelocity;
    private Half _cachedCos;

    public float Inertia { get; set; } = 1f;

    public void ApplyTorque(float torque, float dt)
    {
        _angularVelocity += torque / Inertia * dt;
    }

    public void Integrate(float dt, int substeps)
    {
        float h = dt / substeps;
        for (int i = 0; i < substeps; i++)
        {
            _angle += _angularVelocity * h;
            _angularVelocity *= 0.999f;
        }

        _cachedCos = (Half)MathF.Cos(_angle);
    }

    public Half CachedCos => _cachedCos;

    public bool IsUpright => (float)_cachedCos == 1f;
}
