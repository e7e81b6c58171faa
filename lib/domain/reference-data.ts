/** The shipped reference data as rows, ready to write (académies, départements, boundaries, platforms). */
export type ReferenceData = {
  /** Digest of the shipped files: the rows are written again only when it changes. */
  checksum: string;
  regions: Array<{ id: string; name: string; inseeCode: string }>;
  academies: Array<{
    id: string;
    code: string;
    name: string;
    regionId: string;
    overseas: boolean;
    timeZone: string;
    holidayZone: string;
    labelLon: number;
    labelLat: number;
  }>;
  departements: Array<{ code: string; name: string; academyId: string }>;
  boundaries: Array<{ academyId: string; geometry: object; source: string; checksum: string }>;
  platforms: Array<{
    id: string;
    name: string;
    kind: string;
    scope: string;
    operator: string | null;
    operatorGroup: string | null;
    levels: string[];
    domains: string[];
    verified: boolean;
    notes: string | null;
    retired: boolean;
    academies: string[];
  }>;
};
