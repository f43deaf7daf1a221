import type { Group, Organization } from '../domain/entities';
import type { Trilingual } from '../domain/language';

/**
 * Demo catalogue for local mode: five departments, seven categories and 23 datasets modelled
 * on DATA.GOV.HK, with Chinese titles and small CSV and JSON files. Three datasets are private
 * and two are drafts, to show that they never reach the public.
 */

const CREATED = '2023-03-01T01:00:00.000Z';

const org = (name: string, department: string, title: Trilingual, description: Trilingual): Organization => ({
  id: `org-${name}`,
  name,
  department,
  title,
  description,
  image_url: '',
  email: `opendata@${department.toLowerCase()}.example.gov.hk`,
  created: CREATED,
});

export const SEED_ORGANIZATIONS: readonly Organization[] = [
  org(
    'hk-td',
    'TD',
    { en: 'Transport Department', tc: '運輸署', sc: '运输署' },
    {
      en: 'Road traffic, public transport and transport planning.',
      tc: '道路交通、公共交通及運輸規劃。',
      sc: '道路交通、公共交通及运输规划。',
    },
  ),
  org(
    'hk-epd',
    'EPD',
    { en: 'Environmental Protection Department', tc: '環境保護署', sc: '环境保护署' },
    { en: 'Air, water, waste and noise.', tc: '空氣、水質、廢物及噪音。', sc: '空气、水质、废物及噪音。' },
  ),
  org(
    'hk-hko',
    'HKO',
    { en: 'Hong Kong Observatory', tc: '香港天文台', sc: '香港天文台' },
    { en: 'Weather, climate and warnings.', tc: '天氣、氣候及警告。', sc: '天气、气候及警告。' },
  ),
  org(
    'hk-dh',
    'DH',
    { en: 'Department of Health', tc: '衞生署', sc: '卫生署' },
    { en: 'Public health services and disease surveillance.', tc: '公共衞生服務及疾病監測。', sc: '公共卫生服务及疾病监测。' },
  ),
  org(
    'hk-landsd',
    'LANDSD',
    { en: 'Lands Department', tc: '地政總署', sc: '地政总署' },
    { en: 'Land administration, surveying and mapping.', tc: '土地行政、測量及製圖。', sc: '土地行政、测量及制图。' },
  ),
];

const group = (name: string, title: Trilingual): Group => ({
  id: `group-${name}`,
  name,
  title,
  description: { en: `Datasets about ${title.en.toLowerCase()}.`, tc: `有關${title.tc}的數據集。`, sc: `有关${title.sc}的数据集。` },
  image_url: '',
  created: CREATED,
});

export const SEED_GROUPS: readonly Group[] = [
  group('transport', { en: 'Transport', tc: '運輸', sc: '运输' }),
  group('environment', { en: 'Environment', tc: '環境', sc: '环境' }),
  group('climate-and-weather', { en: 'Climate and Weather', tc: '氣候及天氣', sc: '气候及天气' }),
  group('health', { en: 'Health', tc: '衞生', sc: '卫生' }),
  group('development', { en: 'Development', tc: '發展', sc: '发展' }),
  group('city-management', { en: 'City Management', tc: '城市管理', sc: '城市管理' }),
  group('population', { en: 'Population', tc: '人口', sc: '人口' }),
];

/** A file of a seed dataset: stored here (with its versions, oldest first) or linked. */
export type SeedFile =
  | {
      readonly kind: 'upload';
      readonly name: Trilingual;
      readonly fileName: string;
      readonly contentType: string;
      /** Contents of each version and when it was archived, oldest first. */
      readonly versions: ReadonlyArray<{ readonly at: string; readonly body: string }>;
    }
  | { readonly kind: 'link'; readonly name: Trilingual; readonly url: string; readonly format: string };

export interface SeedDataset {
  readonly name: string;
  readonly org: string;
  readonly title: Trilingual;
  readonly notes: Trilingual;
  readonly tags: readonly string[];
  readonly groups: readonly string[];
  readonly private?: boolean;
  readonly state?: 'active' | 'draft';
  readonly created: string;
  readonly files: readonly SeedFile[];
}

const csv = (name: Trilingual, fileName: string, versions: Array<[string, string]>): SeedFile => ({
  kind: 'upload',
  name,
  fileName,
  contentType: 'text/csv',
  versions: versions.map(([at, body]) => ({ at, body })),
});

const json = (name: Trilingual, fileName: string, versions: Array<[string, unknown]>): SeedFile => ({
  kind: 'upload',
  name,
  fileName,
  contentType: 'application/json',
  versions: versions.map(([at, body]) => ({ at, body: `${JSON.stringify(body, null, 2)}\n` })),
});

const link = (name: Trilingual, url: string, format: string): SeedFile => ({ kind: 'link', name, url, format });

export const SEED_DATASETS: readonly SeedDataset[] = [
  {
    name: 'hk-td-tis_2-traffic-snapshot-images',
    org: 'hk-td',
    title: { en: 'Traffic Snapshot Images', tc: '交通快拍圖像', sc: '交通快拍图像' },
    notes: {
      en: 'Snapshot images from traffic cameras on major roads, refreshed every two minutes.',
      tc: '主要道路交通攝影機的快拍圖像，每兩分鐘更新。',
      sc: '主要道路交通摄影机的快拍图像，每两分钟更新。',
    },
    tags: ['traffic', 'camera', '交通'],
    groups: ['transport'],
    created: '2023-04-03T02:00:00.000Z',
    files: [
      csv({ en: 'List of traffic cameras', tc: '交通攝影機列表', sc: '交通摄影机列表' }, 'traffic-cameras.csv', [
        [
          '2024-05-01T01:30:00.000Z',
          'key,region,description,latitude,longitude\nH106F,HK,Gloucester Road,22.2790,114.1760\nK109F,KLN,Nathan Road,22.3120,114.1700\n',
        ],
      ]),
    ],
  },
  {
    name: 'hk-td-sm_1-traffic-speed-map',
    org: 'hk-td',
    title: { en: 'Traffic Speed Map', tc: '行車速度圖', sc: '行车速度图' },
    notes: {
      en: 'Average traffic speed and road saturation level of major road links.',
      tc: '主要路段的平均行車速度及道路飽和程度。',
      sc: '主要路段的平均行车速度及道路饱和程度。',
    },
    tags: ['traffic', 'speed', 'road'],
    groups: ['transport'],
    created: '2023-04-05T02:00:00.000Z',
    files: [
      json({ en: 'Speed map', tc: '行車速度圖', sc: '行车速度图' }, 'speedmap.json', [
        ['2024-06-01T00:10:00.000Z', { links: [{ id: '3001-30010', speed: 48, saturation: 'GOOD' }] }],
        ['2024-06-01T00:20:00.000Z', { links: [{ id: '3001-30010', speed: 35, saturation: 'AVERAGE' }] }],
        ['2024-06-02T08:40:00.000Z', { links: [{ id: '3001-30010', speed: 22, saturation: 'BAD' }] }],
      ]),
    ],
  },
  {
    name: 'hk-td-tis_5-journey-time-indicators',
    org: 'hk-td',
    title: { en: 'Journey Time Indicators', tc: '行車時間指示', sc: '行车时间指示' },
    notes: {
      en: 'Estimated journey times from indicator locations to major destinations.',
      tc: '由指示器位置前往主要目的地的估計行車時間。',
      sc: '由指示器位置前往主要目的地的估计行车时间。',
    },
    tags: ['traffic', 'journey-time'],
    groups: ['transport'],
    created: '2023-05-10T02:00:00.000Z',
    files: [
      csv({ en: 'Journey times', tc: '行車時間', sc: '行车时间' }, 'journey-times.csv', [
        ['2024-06-03T03:00:00.000Z', 'location,destination,minutes\nH1,Cross Harbour Tunnel,12\nH2,Western Harbour Crossing,9\n'],
      ]),
    ],
  },
  {
    name: 'hk-td-wcms_3-special-traffic-news',
    org: 'hk-td',
    title: { en: 'Special Traffic News', tc: '特別交通消息', sc: '特别交通消息' },
    notes: {
      en: 'Traffic incidents, road closures and public transport arrangements.',
      tc: '交通事故、封路及公共交通安排。',
      sc: '交通事故、封路及公共交通安排。',
    },
    tags: ['traffic', 'incident'],
    groups: ['transport', 'city-management'],
    created: '2023-06-01T02:00:00.000Z',
    files: [
      link(
        { en: 'Special traffic news (XML)', tc: '特別交通消息 (XML)', sc: '特别交通消息 (XML)' },
        'https://resource.data.one.gov.hk/td/en/specialtrafficnews.xml',
        'XML',
      ),
    ],
  },
  {
    name: 'hk-td-cctv-maintenance-schedule',
    org: 'hk-td',
    title: { en: 'Traffic Camera Maintenance Schedule', tc: '交通攝影機維修時間表', sc: '交通摄影机维修时间表' },
    notes: { en: 'Internal schedule of camera maintenance.', tc: '攝影機維修的內部時間表。', sc: '摄影机维修的内部时间表。' },
    tags: ['traffic', 'internal'],
    groups: ['transport'],
    private: true,
    created: '2024-01-15T02:00:00.000Z',
    files: [
      csv({ en: 'Maintenance schedule', tc: '維修時間表', sc: '维修时间表' }, 'maintenance.csv', [
        ['2024-06-04T02:00:00.000Z', 'camera,date,contractor\nH106F,2024-07-01,Internal\n'],
      ]),
    ],
  },
  {
    name: 'hk-epd-airteam-air-quality-health-index',
    org: 'hk-epd',
    title: { en: 'Air Quality Health Index', tc: '空氣質素健康指數', sc: '空气质素健康指数' },
    notes: {
      en: 'Hourly Air Quality Health Index of general and roadside monitoring stations.',
      tc: '一般及路邊空氣監測站的每小時空氣質素健康指數。',
      sc: '一般及路边空气监测站的每小时空气质素健康指数。',
    },
    tags: ['air-quality', 'aqhi', '空氣質素'],
    groups: ['environment', 'health'],
    created: '2023-03-20T02:00:00.000Z',
    files: [
      csv({ en: 'AQHI of the past 24 hours', tc: '過去24小時空氣質素健康指數', sc: '过去24小时空气质素健康指数' }, 'aqhi-24hr.csv', [
        ['2024-06-01T01:00:00.000Z', 'station,time,aqhi\nCentral/Western,2024-06-01 09:00,3\nMong Kok,2024-06-01 09:00,5\n'],
        ['2024-06-01T02:00:00.000Z', 'station,time,aqhi\nCentral/Western,2024-06-01 10:00,4\nMong Kok,2024-06-01 10:00,6\n'],
      ]),
    ],
  },
  {
    name: 'hk-epd-beach-water-quality',
    org: 'hk-epd',
    title: { en: 'Beach Water Quality', tc: '泳灘水質', sc: '泳滩水质' },
    notes: {
      en: 'Weekly E. coli levels and grading of gazetted bathing beaches.',
      tc: '憲報公布泳灘的每周大腸桿菌水平及評級。',
      sc: '宪报公布泳滩的每周大肠杆菌水平及评级。',
    },
    tags: ['water-quality', 'beach'],
    groups: ['environment'],
    created: '2023-04-20T02:00:00.000Z',
    files: [
      csv({ en: 'Beach grading', tc: '泳灘評級', sc: '泳滩评级' }, 'beach-grading.csv', [
        ['2024-06-05T04:00:00.000Z', 'beach,district,grade\nRepulse Bay,Southern,Good\nGolden Beach,Tuen Mun,Fair\n'],
      ]),
    ],
  },
  {
    name: 'hk-epd-recycling-collection-points',
    org: 'hk-epd',
    title: { en: 'Recycling Collection Points', tc: '回收點', sc: '回收点' },
    notes: {
      en: 'Locations of recycling bins, recycling stations and collection points.',
      tc: '回收箱、回收站及收集點的位置。',
      sc: '回收箱、回收站及收集点的位置。',
    },
    tags: ['recycling', 'waste'],
    groups: ['environment', 'city-management'],
    created: '2023-07-01T02:00:00.000Z',
    files: [
      json({ en: 'Collection points', tc: '收集點', sc: '收集点' }, 'recycling-points.json', [
        ['2024-06-06T05:00:00.000Z', [{ id: 'GREEN@SHA TIN', district: 'Sha Tin', materials: ['paper', 'metals', 'plastics'] }]],
      ]),
    ],
  },
  {
    name: 'hk-epd-noise-complaint-statistics',
    org: 'hk-epd',
    title: { en: 'Noise Complaint Statistics (in preparation)', tc: '噪音投訴統計（準備中）', sc: '噪音投诉统计（准备中）' },
    notes: {
      en: 'Monthly noise complaints by district, being prepared.',
      tc: '按地區劃分的每月噪音投訴，準備中。',
      sc: '按地区划分的每月噪音投诉，准备中。',
    },
    tags: ['noise'],
    groups: ['environment'],
    private: true,
    state: 'draft',
    created: '2024-05-20T02:00:00.000Z',
    files: [],
  },
  {
    name: 'hk-hko-rss-current-weather-report',
    org: 'hk-hko',
    title: { en: 'Current Weather Report', tc: '本港地區天氣報告', sc: '本港地区天气报告' },
    notes: {
      en: 'Temperature, humidity and rainfall at automatic weather stations, every hour.',
      tc: '自動氣象站每小時的氣溫、濕度及雨量。',
      sc: '自动气象站每小时的气温、湿度及雨量。',
    },
    tags: ['weather', 'temperature', '天氣'],
    groups: ['climate-and-weather'],
    created: '2023-03-05T02:00:00.000Z',
    files: [
      json({ en: 'Current weather', tc: '本港天氣', sc: '本港天气' }, 'current-weather.json', [
        ['2024-06-01T00:02:00.000Z', { temperature: [{ place: 'Hong Kong Observatory', value: 27, unit: 'C' }], humidity: 84 }],
        ['2024-06-01T01:02:00.000Z', { temperature: [{ place: 'Hong Kong Observatory', value: 28, unit: 'C' }], humidity: 80 }],
      ]),
    ],
  },
  {
    name: 'hk-hko-rss-9-day-weather-forecast',
    org: 'hk-hko',
    title: { en: '9-day Weather Forecast', tc: '九天天氣預報', sc: '九天天气预报' },
    notes: { en: 'Weather forecast for the coming nine days.', tc: '未來九天的天氣預報。', sc: '未来九天的天气预报。' },
    tags: ['weather', 'forecast', '天氣'],
    groups: ['climate-and-weather'],
    created: '2023-03-05T03:00:00.000Z',
    files: [
      json({ en: 'Nine-day forecast', tc: '九天預報', sc: '九天预报' }, 'fnd.json', [
        ['2024-06-01T08:30:00.000Z', { forecasts: [{ date: '20240602', weather: 'Sunny periods', maxTemp: 31, minTemp: 26 }] }],
      ]),
    ],
  },
  {
    name: 'hk-hko-daily-total-rainfall',
    org: 'hk-hko',
    title: { en: 'Daily Total Rainfall', tc: '每日總雨量', sc: '每日总雨量' },
    notes: {
      en: 'Daily total rainfall recorded at the Hong Kong Observatory since 1884.',
      tc: '香港天文台自1884年起錄得的每日總雨量。',
      sc: '香港天文台自1884年起录得的每日总雨量。',
    },
    tags: ['rainfall', 'climate', '雨量'],
    groups: ['climate-and-weather'],
    created: '2023-03-06T02:00:00.000Z',
    files: [
      csv({ en: 'Daily rainfall (all years)', tc: '每日雨量（所有年份）', sc: '每日雨量（所有年份）' }, 'daily-rainfall.csv', [
        ['2024-05-01T01:00:00.000Z', 'year,month,day,rainfall_mm\n2024,4,30,12.4\n'],
        ['2024-05-02T01:00:00.000Z', 'year,month,day,rainfall_mm\n2024,4,30,12.4\n2024,5,1,0.6\n'],
      ]),
    ],
  },
  {
    name: 'hk-hko-tropical-cyclone-warning-signals',
    org: 'hk-hko',
    title: { en: 'Tropical Cyclone Warning Signals', tc: '熱帶氣旋警告信號', sc: '热带气旋警告信号' },
    notes: {
      en: 'Tropical cyclone warning signals issued since 1946.',
      tc: '自1946年起發出的熱帶氣旋警告信號。',
      sc: '自1946年起发出的热带气旋警告信号。',
    },
    tags: ['typhoon', 'warning'],
    groups: ['climate-and-weather'],
    created: '2023-03-07T02:00:00.000Z',
    files: [
      csv({ en: 'Signals issued', tc: '已發出信號', sc: '已发出信号' }, 'tc-signals.csv', [
        ['2024-06-07T02:00:00.000Z', 'name,signal,start,end\nSaola,10,2023-09-01 14:40,2023-09-02 03:40\n'],
      ]),
    ],
  },
  {
    name: 'hk-hko-lightning-location-raw',
    org: 'hk-hko',
    title: { en: 'Lightning Location Raw Data', tc: '閃電位置原始數據', sc: '闪电位置原始数据' },
    notes: {
      en: 'Unverified lightning strokes from the location network.',
      tc: '閃電定位網絡的未經核實閃電。',
      sc: '闪电定位网络的未经核实闪电。',
    },
    tags: ['lightning', 'internal'],
    groups: ['climate-and-weather'],
    private: true,
    created: '2024-02-01T02:00:00.000Z',
    files: [
      csv({ en: 'Strokes', tc: '閃電', sc: '闪电' }, 'lightning.csv', [
        ['2024-06-08T02:00:00.000Z', 'time,latitude,longitude\n2024-06-08 09:58,22.30,114.17\n'],
      ]),
    ],
  },
  {
    name: 'hk-dh-notifiable-infectious-diseases',
    org: 'hk-dh',
    title: { en: 'Notifiable Infectious Diseases', tc: '法定須呈報傳染病', sc: '法定须呈报传染病' },
    notes: {
      en: 'Weekly number of notifications of notifiable infectious diseases.',
      tc: '法定須呈報傳染病的每周呈報數字。',
      sc: '法定须呈报传染病的每周呈报数字。',
    },
    tags: ['disease', 'surveillance'],
    groups: ['health'],
    created: '2023-03-10T02:00:00.000Z',
    files: [
      csv({ en: 'Weekly notifications', tc: '每周呈報', sc: '每周呈报' }, 'nid-weekly.csv', [
        ['2024-06-03T06:00:00.000Z', 'week,disease,cases\n2024-22,Chickenpox,45\n2024-22,Scarlet fever,12\n'],
      ]),
    ],
  },
  {
    name: 'hk-dh-elderly-health-centres',
    org: 'hk-dh',
    title: { en: 'Elderly Health Centres', tc: '長者健康中心', sc: '长者健康中心' },
    notes: {
      en: 'Addresses and opening hours of elderly health centres.',
      tc: '長者健康中心的地址及開放時間。',
      sc: '长者健康中心的地址及开放时间。',
    },
    tags: ['elderly', 'clinic'],
    groups: ['health', 'population'],
    created: '2023-08-01T02:00:00.000Z',
    files: [
      json({ en: 'Centres', tc: '中心', sc: '中心' }, 'ehc.json', [
        [
          '2024-06-04T06:00:00.000Z',
          [{ name: 'Sai Ying Pun Elderly Health Centre', district: 'Central and Western', hours: 'Mon-Fri 08:45-17:30' }],
        ],
      ]),
    ],
  },
  {
    name: 'hk-dh-vaccination-clinics',
    org: 'hk-dh',
    title: { en: 'Vaccination Clinics', tc: '疫苗接種診所', sc: '疫苗接种诊所' },
    notes: {
      en: 'Clinics offering seasonal influenza and childhood vaccinations.',
      tc: '提供季節性流感及兒童疫苗接種的診所。',
      sc: '提供季节性流感及儿童疫苗接种的诊所。',
    },
    tags: ['vaccination', 'clinic'],
    groups: ['health'],
    created: '2023-09-01T02:00:00.000Z',
    files: [
      csv({ en: 'Clinic list', tc: '診所列表', sc: '诊所列表' }, 'vaccination-clinics.csv', [
        ['2024-06-05T06:00:00.000Z', 'clinic,district,vaccines\nKowloon Bay Health Centre,Kwun Tong,influenza;childhood\n'],
      ]),
    ],
  },
  {
    name: 'hk-dh-tobacco-control-statistics',
    org: 'hk-dh',
    title: { en: 'Tobacco Control Statistics (draft)', tc: '控煙統計（草稿）', sc: '控烟统计（草稿）' },
    notes: { en: 'Smoking prevalence and enforcement figures, in draft.', tc: '吸煙率及執法數字，草稿。', sc: '吸烟率及执法数字，草稿。' },
    tags: ['tobacco'],
    groups: ['health'],
    state: 'draft',
    created: '2024-05-25T02:00:00.000Z',
    files: [],
  },
  {
    name: 'hk-landsd-geographic-names',
    org: 'hk-landsd',
    title: { en: 'Geographic Names', tc: '地名', sc: '地名' },
    notes: {
      en: 'Official English and Chinese geographic names of places, with coordinates.',
      tc: '地方的官方中英文地名及坐標。',
      sc: '地方的官方中英文地名及坐标。',
    },
    tags: ['geographic-names', 'map'],
    groups: ['development'],
    created: '2023-03-15T02:00:00.000Z',
    files: [
      csv({ en: 'Geographic names', tc: '地名', sc: '地名' }, 'geonames.csv', [
        [
          '2024-06-02T07:00:00.000Z',
          'name_en,name_tc,easting,northing\nVictoria Peak,太平山,833390,815500\nLion Rock,獅子山,837110,823690\n',
        ],
      ]),
    ],
  },
  {
    name: 'hk-landsd-building-information',
    org: 'hk-landsd',
    title: { en: 'Building Information', tc: '建築物資料', sc: '建筑物资料' },
    notes: {
      en: 'Building names, addresses and footprints from the digital topographic map.',
      tc: '數碼地形圖的建築物名稱、地址及輪廓。',
      sc: '数码地形图的建筑物名称、地址及轮廓。',
    },
    tags: ['building', 'map'],
    groups: ['development', 'city-management'],
    created: '2023-03-16T02:00:00.000Z',
    files: [
      json({ en: 'Buildings (sample)', tc: '建築物（樣本）', sc: '建筑物（样本）' }, 'buildings.json', [
        [
          '2024-06-02T07:30:00.000Z',
          [{ id: 'B0001', name_en: 'Central Government Offices', name_tc: '政府總部', district: 'Central and Western' }],
        ],
      ]),
      link({ en: 'Spatial data portal', tc: '空間數據入口網站', sc: '空间数据入口网站' }, 'https://portal.csdi.gov.hk/', 'HTML'),
    ],
  },
  {
    name: 'hk-landsd-land-sale-programme',
    org: 'hk-landsd',
    title: { en: 'Land Sale Programme', tc: '賣地計劃', sc: '卖地计划' },
    notes: {
      en: 'Residential and commercial sites in the land sale programme of the financial year.',
      tc: '本財政年度賣地計劃的住宅及商業用地。',
      sc: '本财政年度卖地计划的住宅及商业用地。',
    },
    tags: ['land-sale', 'housing'],
    groups: ['development'],
    created: '2023-04-01T02:00:00.000Z',
    files: [
      csv({ en: 'Sites', tc: '用地', sc: '用地' }, 'land-sale.csv', [
        ['2024-04-01T02:00:00.000Z', 'lot,location,use,area_m2\nSTTL 640,Sha Tin,Residential,15000\n'],
      ]),
    ],
  },
  {
    name: 'hk-landsd-government-land-licences',
    org: 'hk-landsd',
    title: { en: 'Short Term Tenancies and Licences', tc: '短期租約及牌照', sc: '短期租约及牌照' },
    notes: {
      en: 'Government land let under short term tenancies and licences.',
      tc: '以短期租約及牌照出租的政府土地。',
      sc: '以短期租约及牌照出租的政府土地。',
    },
    tags: ['tenancy', 'land'],
    groups: ['development', 'city-management'],
    created: '2023-04-02T02:00:00.000Z',
    files: [
      csv({ en: 'Tenancies', tc: '租約', sc: '租约' }, 'tenancies.csv', [
        ['2024-06-06T07:00:00.000Z', 'reference,location,use,expiry\nSTT KX1234,Kwun Tong,Car park,2025-03-31\n'],
      ]),
    ],
  },
  {
    name: 'hk-landsd-survey-control-records',
    org: 'hk-landsd',
    title: { en: 'Survey Control Records (internal)', tc: '測量控制紀錄（內部）', sc: '测量控制纪录（内部）' },
    notes: {
      en: 'Survey control station records for internal use.',
      tc: '供內部使用的測量控制站紀錄。',
      sc: '供内部使用的测量控制站纪录。',
    },
    tags: ['survey', 'internal'],
    groups: ['development'],
    private: true,
    created: '2024-03-01T02:00:00.000Z',
    files: [
      csv({ en: 'Stations', tc: '控制站', sc: '控制站' }, 'survey-stations.csv', [
        ['2024-06-09T07:00:00.000Z', 'station,easting,northing\nSC001,836000,818000\n'],
      ]),
    ],
  },
];
