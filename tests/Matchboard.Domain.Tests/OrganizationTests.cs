using Matchboard.Domain.Organizations;
using static Matchboard.Domain.Tests.TestData;

namespace Matchboard.Domain.Tests;

public class OrganizationTests
{
    private static Organization NewGroup(string[] categories, string[] wards, int capacity) =>
        Organization.CreateCivicGroup(
            "多摩見守りネット", Wards.Tama, "登戸", LegalForm.VoluntaryGroup, ActivityStyle.Volunteer, categories, wards, capacity);

    [Fact]
    public void CreatingAnAssociationMakesAVerifiedAssociation()
    {
        var association = Organization.CreateAssociation("  小杉町内会  ", Wards.Nakahara, " 小杉町 ", "町内会です");

        Assert.Equal(OrganizationKind.Association, association.Kind);
        Assert.False(association.IsCivicGroup);
        Assert.True(association.IsVerified);
        Assert.Equal("小杉町内会", association.Name);
        Assert.Equal(Wards.Nakahara, association.Ward);
        Assert.Equal("小杉町", association.Town);
        Assert.Equal("町内会です", association.Description);
        Assert.Empty(association.Categories);
        Assert.Null(association.Certification);
    }

    [Fact]
    public void CreatingACityOfficeMakesAVerifiedCityOffice()
    {
        var office = Organization.CreateCityOffice("中原区役所", Wards.Nakahara, "小杉町");

        Assert.Equal(OrganizationKind.CityOffice, office.Kind);
        Assert.False(office.IsCivicGroup);
        Assert.True(office.IsVerified);
    }

    [Fact]
    public void CreatingACivicGroupMakesAnUnverifiedGroupWithItsService()
    {
        var group = NewGroup(
            [Categories.Cleanup, Categories.WatchOver, Categories.Cleanup],
            [Wards.Tama, Wards.Asao, Wards.Tama],
            capacity: 2);

        Assert.Equal(OrganizationKind.CivicGroup, group.Kind);
        Assert.True(group.IsCivicGroup);
        Assert.False(group.IsVerified);
        Assert.Equal(LegalForm.VoluntaryGroup, group.LegalForm);
        Assert.Equal(ActivityStyle.Volunteer, group.ActivityStyle);
        Assert.Equal([Categories.Cleanup, Categories.WatchOver], group.Categories);
        Assert.Equal([Wards.Tama, Wards.Asao], group.WardsServed);
        Assert.Equal(2, group.Capacity);
        Assert.Null(group.Certification);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AnOrganizationWithoutANameIsRefused(string name)
    {
        AssertFails(() => Organization.CreateAssociation(name, Wards.Nakahara, "小杉町"), "organization.name-required", DomainErrorKind.RuleViolation);
    }

    [Fact]
    public void AnOrganizationInAnUnknownWardIsRefused()
    {
        AssertFails(() => Organization.CreateAssociation("町内会", "yokohama", "小杉町"), "organization.ward-invalid", DomainErrorKind.RuleViolation);
    }

    [Fact]
    public void CreatingACivicGroupWithAnUnknownCategoryIsRefused()
    {
        AssertFails(() => NewGroup([Categories.Cleanup, "gardening"], [Wards.Tama], 1), "organization.categories-invalid", DomainErrorKind.RuleViolation);
    }

    [Fact]
    public void CreatingACivicGroupWithoutCategoriesIsRefused()
    {
        AssertFails(() => NewGroup([], [Wards.Tama], 1), "organization.categories-invalid", DomainErrorKind.RuleViolation);
    }

    [Fact]
    public void CreatingACivicGroupWithoutWardsServedIsRefused()
    {
        AssertFails(() => NewGroup([Categories.Cleanup], [], 1), "organization.wards-invalid", DomainErrorKind.RuleViolation);
    }

    [Fact]
    public void UpdatingTheServiceReplacesCategoriesWardsAndCapacity()
    {
        var group = VerifiedGroup();

        group.UpdateService([Categories.DisasterPrep], [Wards.Asao, Wards.Miyamae], 5);

        Assert.Equal([Categories.DisasterPrep], group.Categories);
        Assert.Equal([Wards.Asao, Wards.Miyamae], group.WardsServed);
        Assert.Equal(5, group.Capacity);
    }

    [Fact]
    public void UpdatingTheServiceWithAnUnknownCategoryIsRefusedAndChangesNothing()
    {
        var group = VerifiedGroup();

        AssertFails(() => group.UpdateService(["gardening"], [Wards.Asao], 5), "organization.categories-invalid", DomainErrorKind.RuleViolation);
        Assert.Equal([Categories.WatchOver, Categories.Cleanup], group.Categories);
        Assert.Equal(3, group.Capacity);
    }

    [Fact]
    public void UpdatingTheServiceWithAnUnknownWardIsRefusedAndChangesNothing()
    {
        var group = VerifiedGroup();

        AssertFails(() => group.UpdateService([Categories.Cleanup], [Wards.Asao, "yokohama"], 5), "organization.wards-invalid", DomainErrorKind.RuleViolation);
        Assert.Equal([Wards.Nakahara, Wards.Takatsu], group.WardsServed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void UpdatingTheServiceWithNoCapacityIsRefusedAndChangesNothing(int capacity)
    {
        var group = VerifiedGroup();

        AssertFails(() => group.UpdateService([Categories.Cleanup], [Wards.Asao], capacity), "organization.capacity-invalid", DomainErrorKind.RuleViolation);
        Assert.Equal(3, group.Capacity);
        Assert.Equal([Categories.WatchOver, Categories.Cleanup], group.Categories);
    }

    [Fact]
    public void UpdatingTheServiceOfAnAssociationIsRefused()
    {
        var association = Association();

        AssertFails(() => association.UpdateService([Categories.Cleanup], [Wards.Asao], 1), "organization.not-civic-group", DomainErrorKind.RuleViolation);
        Assert.Empty(association.Categories);
    }

    [Fact]
    public void CertifyingAGroupRecordsTheCertification()
    {
        var group = VerifiedGroup();
        var certification = new Certification("KC-0042", Today, Today.AddYears(1));

        group.Certify(certification);

        Assert.Equal(certification, group.Certification);
        Assert.True(group.HasValidCertificationOn(Today));
    }

    [Fact]
    public void ACertificationValidForASingleDayIsAccepted()
    {
        var group = VerifiedGroup();

        group.Certify(new Certification("KC-0042", Today, Today));

        Assert.True(group.HasValidCertificationOn(Today));
    }

    [Fact]
    public void ACertificationExpiringBeforeItIsIssuedIsRefused()
    {
        var group = CertifiedGroup();
        var before = group.Certification;

        AssertFails(
            () => group.Certify(new Certification("KC-0042", Today, Today.AddDays(-1))),
            "organization.certification-invalid",
            DomainErrorKind.RuleViolation);
        Assert.Equal(before, group.Certification);
    }

    [Fact]
    public void CertifyingAnAssociationIsRefused()
    {
        var association = Association();

        AssertFails(
            () => association.Certify(new Certification("KC-0042", Today, Today.AddYears(1))),
            "organization.not-civic-group",
            DomainErrorKind.RuleViolation);
        Assert.Null(association.Certification);
    }

    [Fact]
    public void AGroupWithoutCertificationHasNoValidCertification()
    {
        Assert.False(VerifiedGroup().HasValidCertificationOn(Today));
    }

    [Fact]
    public void VerifyingAGroupMarksItVerified()
    {
        var group = UnverifiedGroup();

        group.Verify();

        Assert.True(group.IsVerified);
    }

    [Fact]
    public void VerifyingTwiceThrowsAlreadyVerified()
    {
        var group = VerifiedGroup();

        AssertFails(group.Verify, "organization.already-verified", DomainErrorKind.Conflict);
        Assert.True(group.IsVerified);
    }

    [Fact]
    public void VerifyingAnAssociationIsRefused()
    {
        AssertFails(Association().Verify, "organization.not-civic-group", DomainErrorKind.RuleViolation);
    }

    [Theory]
    [InlineData("2026-03-31", false)]
    [InlineData("2026-04-01", true)]
    [InlineData("2026-10-15", true)]
    [InlineData("2027-03-31", true)]
    [InlineData("2027-04-01", false)]
    public void ACertificationIsValidFromItsIssueDayThroughItsExpiryDay(string day, bool valid)
    {
        var certification = new Certification("KC-0001", new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31));

        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(valid, certification.IsValidOn(date));
        Assert.Equal(valid, Certification.IsValid(certification.Issued, certification.Expires, date));
    }

    [Fact]
    public void AnAssociationThatSignsUpItselfStartsUnverified()
    {
        var association = Organization.RegisterAssociation("本町町内会", Wards.Kawasaki, "大師町");

        Assert.Equal(OrganizationKind.Association, association.Kind);
        Assert.False(association.IsVerified);
    }

    [Fact]
    public void ASupporterIsAnUnverifiedOnePersonOrganizationWithCategoriesAndAvailability()
    {
        var supporter = Organization.CreateSupporter(" 川崎 花子 ", Wards.Nakahara, ["watch-over", "watch-over", "cleanup"], " 平日の午前 ");

        Assert.Equal(OrganizationKind.Supporter, supporter.Kind);
        Assert.True(supporter.IsSupporter);
        Assert.False(supporter.IsCivicGroup);
        Assert.False(supporter.IsVerified);
        Assert.Equal("川崎 花子", supporter.Name);
        Assert.Equal(["watch-over", "cleanup"], supporter.Categories);
        Assert.Equal("平日の午前", supporter.Availability);
        Assert.Empty(supporter.WardsServed);
    }

    [Theory]
    [InlineData("nowhere", "watch-over", "organization.ward-invalid")]
    [InlineData("nakahara", "juggling", "organization.categories-invalid")]
    [InlineData("nakahara", "", "organization.categories-invalid")]
    public void ASupporterNeedsAKnownWardAndKnownCategories(string ward, string category, string code)
    {
        var categories = category.Length == 0 ? Array.Empty<string>() : [category];

        var error = Assert.Throws<DomainException>(() => Organization.CreateSupporter("川崎 花子", ward, categories, null));

        Assert.Equal(code, error.Code);
    }
}
