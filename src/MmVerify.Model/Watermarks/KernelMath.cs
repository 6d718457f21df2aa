namespace MmVerify.Model.Watermarks;

/// <summary>The integer helpers of include/linux/math.h and lib/math/int_sqrt.c.</summary>
public static class KernelMath
{
    // mirrors int_sqrt(), lib/math/int_sqrt.c: floor of the square root, exactly
    public static ulong IntSqrt(ulong x)
    {
        if (x < 2)
        {
            return x;
        }

        ulong m = 1UL << ((63 - System.Numerics.BitOperations.LeadingZeroCount(x)) & ~1);
        ulong y = 0;
        while (m != 0)
        {
            var b = y + m;
            y >>= 1;
            if (x >= b)
            {
                x -= b;
                y += m;
            }

            m >>= 2;
        }

        return y;
    }

    // mirrors mult_frac(), include/linux/math.h: x * n / d without overflowing the product
    public static long MultFrac(long x, long n, long d)
    {
        var quot = x / d;
        var rem = x % d;
        return (quot * n) + (rem * n / d);
    }

    public static long Clamp(long value, long lo, long hi) => Math.Min(Math.Max(value, lo), hi);
}
