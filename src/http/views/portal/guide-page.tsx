import type { AgencyView } from '../../../modules/agencies/agency-view.ts';
import { PER_APPLICATION_STANDARD, PER_VOLUME_BANDS, type FeeBand } from '../../../modules/applications/domain/fees.ts';
import { Layout, page, TableScroll } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { AgencyNav, agencyHref } from './agency-nav.tsx';
import { OfficeTable } from './office-table.tsx';

function bandRange(band: FeeBand, unit: string): string {
  return band.to === null ? `第${band.from}${unit}及以上` : `第${band.from}至${band.to}${unit}`;
}

/** The fee standards of the 2020 办法, printed from the same data the fee calculation uses. */
function FeeTables() {
  const beyond = PER_APPLICATION_STANDARD.beyond;
  return (
    <>
      <p>
        依据条例第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），行政机关依申请提供政府信息，不收取费用；申请人申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费。按件、按量两种标准只能选择其一，收费前会书面通知，申请人收到通知之次日起20个工作日内未缴费的，视为放弃申请。
      </p>
      <TableScroll label="按件计收标准">
        <table class="list">
          <caption>按件计收（同一申请人一个自然月内）</caption>
          <thead>
            <tr>
              <th scope="col">申请件数</th>
              <th scope="col">收费标准</th>
            </tr>
          </thead>
          <tbody>
            {PER_APPLICATION_STANDARD.bands.map((b) => (
              <tr>
                <td>{bandRange(b, '件')}</td>
                <td>{b.rate === 0 ? '不收费' : `每件${b.rate}元`}</td>
              </tr>
            ))}
            <tr>
              <td>第{beyond.from}件及以上</td>
              <td>
                每{beyond.bandSize}件为一档，第一档每件{beyond.firstRate}元，以后每档每件增加{beyond.step}元
              </td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <TableScroll label="按量计收标准">
        <table class="list">
          <caption>按量计收（同一申请，限纸质、电子邮件或复制电子数据）</caption>
          <thead>
            <tr>
              <th scope="col">页数</th>
              <th scope="col">收费标准</th>
            </tr>
          </thead>
          <tbody>
            {PER_VOLUME_BANDS.map((b) => (
              <tr>
                <td>{bandRange(b, '页')}</td>
                <td>{b.rate === 0 ? '不收费' : `每页${b.rate}元`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

/** 政府信息公开指南 (Art. 24): what is published, how to apply, terms, fees, remedies, and how to reach the office. */
export function guidePage(ctx: PageContext, agency: AgencyView): string {
  return page(
    <Layout title={`政府信息公开指南 — ${agency.name}`} page={ctx} subnav={<AgencyNav agency={agency} current="guide" />}>
      <h1>{agency.name}政府信息公开指南</h1>
      <h2>一、主动公开</h2>
      <p>
        本机关依照条例第二十条主动公开十五类政府信息，在本专栏的<a href={agencyHref(agency, '/catalogue')}>主动公开目录</a>
        中按类别发布。属于主动公开范围的信息，自形成或者变更之日起20个工作日内予以公开（条例第二十六条）。每条信息载明索引号、名称、内容概述、发布机构、成文日期、发布日期、文号和有效性。
      </p>
      <h2>二、依申请公开</h2>
      <h3>（一）申请方式</h3>
      <ul>
        <li>
          网上申请：<a href={agencyHref(agency, '/apply')}>在线填写申请表</a>，提交当日为收到申请之日。
        </li>
        <li>当面申请：到下列办公地址当面提交书面申请，提交当日为收到申请之日。</li>
        <li>信函申请：寄往下列地址，请在信封注明“政府信息公开申请”；挂号信以签收之日为收到申请之日，平常信函以双方确认之日为收到申请之日。</li>
        <li>传真申请：以双方确认之日为收到申请之日（条例第三十一条）。</li>
      </ul>
      <p>申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；获取信息的方式、途径（条例第二十九条）。采用书面形式确有困难的，可以口头提出，由本机关代为填写。</p>
      <h3>（二）受理机构</h3>
      <OfficeTable agency={agency} />
      <h3>（三）办理期限</h3>
      <ul>
        <li>申请内容不明确的，本机关自收到申请之日起7个工作日内一次性告知补正；答复期限自收到补正的申请之日起计算（条例第三十条）。</li>
        <li>能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复；需要延长的，经工作机构负责人同意并告知申请人，延长不超过20个工作日（条例第三十三条）。</li>
        <li>需要征求第三方或者其他机关意见的，所需时间不计算在答复期限内；第三方自收到征求意见书之日起15个工作日内提出意见（条例第三十二条、第三十四条）。</li>
      </ul>
      <h3>（四）收费</h3>
      <FeeTables />
      <h2>三、监督和救济</h2>
      <p>
        申请人认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。申请行政复议的期限为知道该行政行为之日起60日，提起行政诉讼的期限为6个月。
      </p>
      <p>
        申请提交后，可凭回执上的查询码和查询密码<a href="/status">查询办理进度</a>。
      </p>
    </Layout>,
  );
}

/** 政府信息公开制度: the rules the office works under, with the articles they come from. */
export function rulesPage(ctx: PageContext, agency: AgencyView): string {
  const rules: Array<[string, string]> = [
    ['工作机构', '本机关设立政府信息公开工作机构，负责办理本机关的政府信息公开事宜，维护和更新公开的政府信息，组织编制公开指南、公开目录和年度报告，组织开展保密审查（条例第四条）。'],
    ['主动公开', '对涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息主动公开，条例第二十条所列信息在本专栏按类别发布，自形成或者变更之日起20个工作日内公开（条例第十九条、第二十六条）。'],
    ['依申请公开', '公民、法人或者其他组织可以向本机关申请获取相关政府信息；本机关依照条例第三十至第三十九条的程序和期限办理并书面答复。'],
    ['保密审查', '拟公开的政府信息依照法律、法规和国家有关规定进行审查；不能确定是否可以公开的，依法报有关主管部门或者保密行政管理部门确定（条例第十七条）。'],
    ['不予公开的范围', '依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开；涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的，不得公开，第三方同意或者不公开会对公共利益造成重大影响的除外（条例第十四条、第十五条）。'],
    ['动态调整', '本机关对不予公开的政府信息进行定期评估审查，对因情势变化可以公开的予以公开；多个申请人就相同政府信息提出公开申请且可以公开的，可以纳入主动公开范围（条例第二十条、第四十四条）。'],
    ['年度报告', '本机关于每年1月31日前向本级政府信息公开工作主管部门提交并向社会公布上一年度政府信息公开工作年度报告（条例第四十九条、第五十条）。'],
    ['监督保障', '政府信息公开工作主管部门对本机关的政府信息公开工作进行考核、评议；违反条例规定的，依法追究责任（条例第四十六条至第五十三条）。'],
  ];
  return page(
    <Layout title={`政府信息公开制度 — ${agency.name}`} page={ctx} subnav={<AgencyNav agency={agency} current="rules" />}>
      <h1>{agency.name}政府信息公开制度</h1>
      <p>依据《中华人民共和国政府信息公开条例》（2019年5月15日起施行）制定。</p>
      <dl>
        {rules.map(([title, text]) => (
          <>
            <dt>
              <strong>{title}</strong>
            </dt>
            <dd>{text}</dd>
          </>
        ))}
      </dl>
    </Layout>,
  );
}
