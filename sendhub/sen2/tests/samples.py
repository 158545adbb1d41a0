"""A hand-written valid SEN2 2026 return, and a helper to break it one rule at a time (synthetic data)."""

VALID_2026 = """<?xml version='1.0' encoding='UTF-8'?>
<Message>
<Header>
  <CollectionDetails>
    <Collection>SEN2</Collection>
    <Year>2026</Year>
    <ReferenceDate>2026-01-15</ReferenceDate>
  </CollectionDetails>
  <Source>
    <SourceLevel>L</SourceLevel>
    <LEA>202</LEA>
    <SoftwareCode>SEND Hub</SoftwareCode>
    <Release>1.0</Release>
    <SerialNo>001</SerialNo>
    <DateTime>2026-01-20T09:00:00</DateTime>
    <DMO>Y</DMO>
    <DCO>Y</DCO>
    <DSCO>Y</DSCO>
  </Source>
</Header>
<Persons>
<Person>
  <Surname>Testington</Surname>
  <Forename>Ada</Forename>
  <PersonBirthDate>2015-04-02</PersonBirthDate>
  <Sex>F</Sex>
  <Ethnicity>WBRI</Ethnicity>
  <PostCode>NW1 0AA</PostCode>
  <UPN>B202111111111</UPN>
  <Requests>
    <ReceivedDate>2025-02-03</ReceivedDate>
    <RequestSource>1</RequestSource>
    <RYA>0</RYA>
    <RequestOutcomeDate>2025-03-10</RequestOutcomeDate>
    <RequestOutcome>Y</RequestOutcome>
    <Assessment>
      <AssessmentOutcome>Y</AssessmentOutcome>
      <AssessmentOutcomeDate>2025-06-16</AssessmentOutcomeDate>
      <Week20>1</Week20>
      <NamedPlan>
        <StartDate>2025-06-16</StartDate>
        <PlanDetail>
          <URN>100001</URN>
          <PlacementRank>1</PlacementRank>
          <SENunitIndicator>0</SENunitIndicator>
          <ResourcedProvisionIndicator>0</ResourcedProvisionIndicator>
        </PlanDetail>
        <PB>1</PB>
        <DP>E</DP>
      </NamedPlan>
    </Assessment>
    <ActivePlans>
      <PlacementDetail>
        <URN>100001</URN>
        <PlacementRank>1</PlacementRank>
        <EntryDate>2021-09-01</EntryDate>
        <SENunitIndicator>0</SENunitIndicator>
        <ResourcedProvisionIndicator>0</ResourcedProvisionIndicator>
      </PlacementDetail>
      <SENneed>
        <SENtype>ASD</SENtype>
        <SENtypeRank>1</SENtypeRank>
      </SENneed>
      <SENneed>
        <SENtype>SLCN</SENtype>
        <SENtypeRank>2</SENtypeRank>
      </SENneed>
      <ReviewMeeting>2025-12-01</ReviewMeeting>
      <ReviewOutcome>M</ReviewOutcome>
      <LastReview>2025-12-10</LastReview>
    </ActivePlans>
  </Requests>
</Person>
<Person>
  <Surname>Exampleton</Surname>
  <Forename>Ben</Forename>
  <PersonBirthDate>2008-10-20</PersonBirthDate>
  <Sex>M</Sex>
  <Ethnicity>BAFR</Ethnicity>
  <UniqueLearnerNumber>1234567899</UniqueLearnerNumber>
  <Requests>
    <ReceivedDate>2025-09-01</ReceivedDate>
    <RequestSource>2</RequestSource>
    <RYA>0</RYA>
    <RequestOutcomeDate>2025-10-06</RequestOutcomeDate>
    <RequestOutcome>N</RequestOutcome>
  </Requests>
</Person>
</Persons>
</Message>"""


def broken(old: str, new: str, count: int = 1) -> bytes:
    """The valid file with ``old`` replaced by ``new`` (which must occur)."""
    assert old in VALID_2026, old
    return VALID_2026.replace(old, new, count).encode()


def with_dtd(subset: str, surname: str = "&who;") -> bytes:
    """The valid 2026 sample with a document type declaration and an entity reference in a surname."""
    head, sep, rest = VALID_2026.partition("?>")
    return (
        head
        + sep
        + f"\n<!DOCTYPE Message [{subset}]>"
        + rest.replace("<Surname>Testington</Surname>", f"<Surname>{surname}</Surname>")
    ).encode()


DTD_FILES = {
    "internal entity": with_dtd('<!ENTITY who "Testington">'),
    "external entity": with_dtd('<!ENTITY who SYSTEM "file:///etc/hostname">'),
    "entity expansion": with_dtd(
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY who "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
    ),
    "declaration only": with_dtd("", surname="Testington"),
}
