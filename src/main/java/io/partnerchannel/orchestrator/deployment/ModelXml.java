package io.partnerchannel.orchestrator.deployment;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Reads a BPMN, DMN or other model's XML as a namespace-aware DOM, without a DOCTYPE (refused), external entities
 * or schema validation: for reading a few attributes of a model the engine parses and validates itself. Camunda's
 * model API ({@code Bpmn.readModelFromStream}, {@code RepositoryService#getBpmnModelInstance}) and the engine's own
 * parse validate against BPMN's XML schema and build the whole model.
 */
public final class ModelXml {

  /** BPMN 2.0's model namespace. */
  public static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  /** Camunda's BPMN extension namespace ({@code camunda:} attributes). */
  public static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private ModelXml() {}

  /**
   * @param xml the model's bytes; not closed
   * @return the document
   * @throws IOException when the stream cannot be read
   * @throws SAXException when it is no well-formed XML, or declares a DOCTYPE
   */
  public static Document parse(InputStream xml) throws IOException, SAXException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(xml);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The JDK's XML parser lacks secure processing", e);
    }
  }
}
