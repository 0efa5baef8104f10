using Matchboard.Domain;
using Microsoft.AspNetCore.Identity;

namespace Matchboard.Web.Features.Accounts;

/// <summary>
/// Forgotten passwords, for the pages and <c>/api/auth</c>: a request mails a reset link if the address has an
/// account, and answers the same either way; a reset with a good link sets the password, counts as proof of the
/// address (it came by mail) and ends every session of the account, on every device.
/// </summary>
public sealed class PasswordResetService(UserManager<ApplicationUser> users, SessionService sessions, AccountMail mail)
{
    public async Task RequestAsync(string? email, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(email) && await users.FindByEmailAsync(email.Trim()) is { } user)
        {
            await mail.SendPasswordResetAsync(user, ct);
        }
    }

    /// <summary>The user the link is for, or null for a used, expired or forged link.</summary>
    public async Task<ApplicationUser?> UserOfLinkAsync(string? email, string? token)
    {
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(token) || await users.FindByEmailAsync(email) is not { } user)
        {
            return null;
        }

        var valid = await users.VerifyUserTokenAsync(
            user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token);
        return valid ? user : null;
    }

    /// <summary>Sets the password; a bad link or a weak password is a field error and changes nothing.</summary>
    public async Task ResetAsync(string? email, string? token, string? password)
    {
        var user = await UserOfLinkAsync(email, token);
        if (user is null)
        {
            DomainException.ThrowIfAny([new FieldError("token", "invalid-link")]);
        }

        if (string.IsNullOrEmpty(password))
        {
            DomainException.ThrowIfAny([new FieldError("password", "required")]);
        }

        DomainException.ThrowIfAny(await PasswordRules.CheckAsync(users, password!, "password"));
        var result = await users.ResetPasswordAsync(user!, token!, password!);
        if (!result.Succeeded)
        {
            DomainException.ThrowIfAny([new FieldError("token", "invalid-link")]);
        }

        if (!user!.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        await sessions.EndAllAsync(user);
    }
}
